// SPDX-License-Identifier: GPL-2.0
/*
 * The netvsp generic netlink family, as specified by
 * Documentation/netlink/specs/netvsp.yaml.
 */
#include <net/genetlink.h>
#include <uapi/linux/hvnet_netvsp.h>
#include <hvnet/genl.h>

#include "netvsp.h"

/* info-get carries no attributes: every type is NLA_UNSPEC, which strict
 * validation refuses.
 */
static const struct nla_policy netvsp_info_get_policy[NETVSP_A_INFO_MAX + 1];

static struct genl_family netvsp_nl_family;

static int netvsp_nl_info_get_doit(struct sk_buff *skb, struct genl_info *info)
{
	return hvnet_genl_info_reply(info, &netvsp_nl_family,
				     NETVSP_CMD_INFO_GET,
				     NETVSP_A_INFO_MODULE_VERSION,
				     NETVSP_A_INFO_PROTOCOL_REVISION,
				     NETVSP_PROTOCOL_REVISION);
}

static const struct genl_ops netvsp_nl_ops[] = {
	{
		.cmd	= NETVSP_CMD_INFO_GET,
		.doit	= netvsp_nl_info_get_doit,
		.policy	= netvsp_info_get_policy,
		.maxattr = NETVSP_A_INFO_MAX,
	},
};

static struct genl_family netvsp_nl_family __ro_after_init = {
	.name		= NETVSP_FAMILY_NAME,
	.version	= NETVSP_FAMILY_VERSION,
	.netnsok	= true,
	.module		= THIS_MODULE,
	.ops		= netvsp_nl_ops,
	.n_ops		= ARRAY_SIZE(netvsp_nl_ops),
	.resv_start_op	= NETVSP_CMD_INFO_GET,
};

int __init netvsp_netlink_init(void)
{
	return genl_register_family(&netvsp_nl_family);
}

void netvsp_netlink_exit(void)
{
	genl_unregister_family(&netvsp_nl_family);
}
