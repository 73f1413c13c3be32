// SPDX-License-Identifier: GPL-2.0
/*
 * The vswitch generic netlink family, as specified by
 * Documentation/netlink/specs/vswitch.yaml.
 */
#include <net/genetlink.h>
#include <uapi/linux/hvnet_vswitch.h>
#include <hvnet/genl.h>

#include "vswitch.h"

/* info-get carries no attributes: every type is NLA_UNSPEC, which strict
 * validation refuses.
 */
static const struct nla_policy vswitch_info_get_policy[VSWITCH_A_INFO_MAX + 1];

static struct genl_family vswitch_nl_family;

static int vswitch_nl_info_get_doit(struct sk_buff *skb, struct genl_info *info)
{
	return hvnet_genl_info_reply(info, &vswitch_nl_family,
				     VSWITCH_CMD_INFO_GET,
				     VSWITCH_A_INFO_MODULE_VERSION,
				     VSWITCH_A_INFO_PROTOCOL_REVISION,
				     VSWITCH_PROTOCOL_REVISION);
}

static const struct genl_ops vswitch_nl_ops[] = {
	{
		.cmd	= VSWITCH_CMD_INFO_GET,
		.doit	= vswitch_nl_info_get_doit,
		.policy	= vswitch_info_get_policy,
		.maxattr = VSWITCH_A_INFO_MAX,
	},
};

static struct genl_family vswitch_nl_family __ro_after_init = {
	.name		= VSWITCH_FAMILY_NAME,
	.version	= VSWITCH_FAMILY_VERSION,
	.netnsok	= true,
	.module		= THIS_MODULE,
	.ops		= vswitch_nl_ops,
	.n_ops		= ARRAY_SIZE(vswitch_nl_ops),
	.resv_start_op	= VSWITCH_CMD_INFO_GET,
};

int __init vswitch_netlink_init(void)
{
	return genl_register_family(&vswitch_nl_family);
}

void vswitch_netlink_exit(void)
{
	genl_unregister_family(&vswitch_nl_family);
}
