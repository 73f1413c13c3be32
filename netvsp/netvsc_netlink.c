// SPDX-License-Identifier: GPL-2.0
/*
 * The netvsc generic netlink family, as specified by
 * Documentation/netlink/specs/netvsc.yaml.
 */
#include <net/genetlink.h>
#include <uapi/linux/hvnet_netvsc.h>
#include <hvnet/genl.h>

#include "netvsc.h"

/* info-get carries no attributes: every type is NLA_UNSPEC, which strict
 * validation refuses.
 */
static const struct nla_policy netvsc_info_get_policy[NETVSC_A_INFO_MAX + 1];

static struct genl_family netvsc_nl_family;

static int netvsc_nl_info_get_doit(struct sk_buff *skb, struct genl_info *info)
{
	return hvnet_genl_info_reply(info, &netvsc_nl_family,
				     NETVSC_CMD_INFO_GET,
				     NETVSC_A_INFO_MODULE_VERSION,
				     NETVSC_A_INFO_PROTOCOL_REVISION,
				     NETVSC_PROTOCOL_REVISION);
}

static const struct genl_ops netvsc_nl_ops[] = {
	{
		.cmd	= NETVSC_CMD_INFO_GET,
		.doit	= netvsc_nl_info_get_doit,
		.policy	= netvsc_info_get_policy,
		.maxattr = NETVSC_A_INFO_MAX,
	},
};

static struct genl_family netvsc_nl_family __ro_after_init = {
	.name		= NETVSC_FAMILY_NAME,
	.version	= NETVSC_FAMILY_VERSION,
	.netnsok	= true,
	.module		= THIS_MODULE,
	.ops		= netvsc_nl_ops,
	.n_ops		= ARRAY_SIZE(netvsc_nl_ops),
	.resv_start_op	= NETVSC_CMD_INFO_GET,
};

int __init netvsc_netlink_init(void)
{
	return genl_register_family(&netvsc_nl_family);
}

void netvsc_netlink_exit(void)
{
	genl_unregister_family(&netvsc_nl_family);
}
