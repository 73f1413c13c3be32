// SPDX-License-Identifier: GPL-2.0
/*
 * netvsc.ko - the synthetic network adapter inside a child partition: the
 * guest side of NVSP and RNDIS over a VMBus channel. It touches host state
 * only through the channel's rings, as on Hyper-V.
 *
 * Lock domain: requests arrive through the netvsc generic netlink family,
 * whose operations are serialized by the genetlink mutex (the family does not
 * set parallel_ops). There are no adapters yet, so there is nothing else to
 * lock.
 */
#include <linux/module.h>
#include <hvnet/version.h>

#include "netvsc.h"

static int __init netvsc_init(void)
{
	return netvsc_netlink_init();
}

static void __exit netvsc_exit(void)
{
	netvsc_netlink_exit();
}

module_init(netvsc_init);
module_exit(netvsc_exit);

MODULE_DESCRIPTION("hvnet: NetVSC, the guest's synthetic network adapter");
MODULE_LICENSE("GPL");
MODULE_VERSION(HVNET_VERSION);
