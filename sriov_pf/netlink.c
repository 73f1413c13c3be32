// SPDX-License-Identifier: GPL-2.0
/*
 * The sriov_pf generic netlink family, as specified by
 * Documentation/netlink/specs/sriov_pf.yaml.
 */
#include <net/genetlink.h>
#include <uapi/linux/hvnet_sriov_pf.h>
#include <hvnet/genl.h>

#include "sriov_pf.h"

/* info-get carries no attributes: every type is NLA_UNSPEC, which strict
 * validation refuses.
 */
static const struct nla_policy sriov_pf_info_get_policy[SRIOV_PF_A_INFO_MAX + 1];

static struct genl_family sriov_pf_nl_family;

static int sriov_pf_nl_info_get_doit(struct sk_buff *skb, struct genl_info *info)
{
	return hvnet_genl_info_reply(info, &sriov_pf_nl_family,
				     SRIOV_PF_CMD_INFO_GET,
				     SRIOV_PF_A_INFO_MODULE_VERSION,
				     SRIOV_PF_A_INFO_PROTOCOL_REVISION,
				     SRIOV_PF_PROTOCOL_REVISION);
}

static const struct genl_ops sriov_pf_nl_ops[] = {
	{
		.cmd	= SRIOV_PF_CMD_INFO_GET,
		.doit	= sriov_pf_nl_info_get_doit,
		.policy	= sriov_pf_info_get_policy,
		.maxattr = SRIOV_PF_A_INFO_MAX,
	},
};

static struct genl_family sriov_pf_nl_family __ro_after_init = {
	.name		= SRIOV_PF_FAMILY_NAME,
	.version	= SRIOV_PF_FAMILY_VERSION,
	.netnsok	= true,
	.module		= THIS_MODULE,
	.ops		= sriov_pf_nl_ops,
	.n_ops		= ARRAY_SIZE(sriov_pf_nl_ops),
	.resv_start_op	= SRIOV_PF_CMD_INFO_GET,
};

int __init sriov_pf_netlink_init(void)
{
	return genl_register_family(&sriov_pf_nl_family);
}

void sriov_pf_netlink_exit(void)
{
	genl_unregister_family(&sriov_pf_nl_family);
}
