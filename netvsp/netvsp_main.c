// SPDX-License-Identifier: GPL-2.0
/*
 * netvsp.ko - the host's NetVSP backend: child partitions, their VMBus
 * channels, and the synthetic NICs served over them.
 *
 * Lock domain: configuration requests arrive through the netvsp generic
 * netlink family, whose operations are serialized by the genetlink mutex
 * (the family does not set parallel_ops). There are no partitions yet, so
 * there is nothing else to lock.
 */
#include <linux/module.h>
#include <hvnet/version.h>

#include "netvsp.h"

static int __init netvsp_init(void)
{
	return netvsp_netlink_init();
}

static void __exit netvsp_exit(void)
{
	netvsp_netlink_exit();
}

module_init(netvsp_init);
module_exit(netvsp_exit);

MODULE_DESCRIPTION("hvnet: NetVSP, the host side of synthetic networking");
MODULE_LICENSE("GPL");
MODULE_VERSION(HVNET_VERSION);
