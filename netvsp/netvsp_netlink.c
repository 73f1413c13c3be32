// SPDX-License-Identifier: GPL-2.0
/*
 * The netvsp generic netlink family, as specified by
 * Documentation/netlink/specs/netvsp.yaml. Its policies, op table and family
 * struct are generated from the spec (netvsp_netlink_gen.c, make regen); the handlers
 * the generated table names are here.
 */
#include <hvnet/genl.h>

#include "netvsp.h"
#include "netvsp_netlink_gen.h"

int netvsp_nl_info_get_doit(struct sk_buff *skb, struct genl_info *info)
{
	return hvnet_genl_info_reply(info, &netvsp_nl_family, NETVSP_CMD_INFO_GET,
				     NETVSP_A_INFO_MODULE_VERSION,
				     NETVSP_A_INFO_PROTOCOL_REVISION,
				     NETVSP_PROTOCOL_REVISION);
}

int __init netvsp_netlink_init(void)
{
	return hvnet_genl_register(&netvsp_nl_family);
}

void netvsp_netlink_exit(void)
{
	hvnet_genl_unregister(&netvsp_nl_family);
}
