// SPDX-License-Identifier: GPL-2.0
/*
 * The sriov_pf generic netlink family, as specified by
 * Documentation/netlink/specs/sriov_pf.yaml. Its policies, op table and family
 * struct are generated from the spec (netlink_gen.c, make regen); the handlers
 * the generated table names are here.
 */
#include <hvnet/genl.h>

#include "sriov_pf.h"
#include "netlink_gen.h"

int sriov_pf_nl_info_get_doit(struct sk_buff *skb, struct genl_info *info)
{
	return hvnet_genl_info_reply(info, &sriov_pf_nl_family, SRIOV_PF_CMD_INFO_GET,
				     SRIOV_PF_A_INFO_MODULE_VERSION,
				     SRIOV_PF_A_INFO_PROTOCOL_REVISION,
				     SRIOV_PF_PROTOCOL_REVISION);
}

int __init sriov_pf_netlink_init(void)
{
	return hvnet_genl_register(&sriov_pf_nl_family);
}

void sriov_pf_netlink_exit(void)
{
	hvnet_genl_unregister(&sriov_pf_nl_family);
}
