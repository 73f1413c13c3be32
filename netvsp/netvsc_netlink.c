// SPDX-License-Identifier: GPL-2.0
/*
 * The netvsc generic netlink family, as specified by
 * Documentation/netlink/specs/netvsc.yaml. Its policies, op table and family
 * struct are generated from the spec (netvsc_netlink_gen.c, make regen); the handlers
 * the generated table names are here.
 */
#include <hvnet/genl.h>

#include "netvsc.h"
#include "netvsc_netlink_gen.h"

int netvsc_nl_info_get_doit(struct sk_buff *skb, struct genl_info *info)
{
	return hvnet_genl_info_reply(info, &netvsc_nl_family, NETVSC_CMD_INFO_GET,
				     NETVSC_A_INFO_MODULE_VERSION,
				     NETVSC_A_INFO_PROTOCOL_REVISION,
				     NETVSC_PROTOCOL_REVISION);
}

int __init netvsc_netlink_init(void)
{
	return hvnet_genl_register(&netvsc_nl_family);
}

void netvsc_netlink_exit(void)
{
	hvnet_genl_unregister(&netvsc_nl_family);
}
