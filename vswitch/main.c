// SPDX-License-Identifier: GPL-2.0
/*
 * vswitch.ko - the Hyper-V extensible switch.
 *
 * Lock domain: configuration requests arrive through the vswitch generic
 * netlink family, whose operations are serialized by the genetlink mutex
 * (the family does not set parallel_ops). There is no switch state yet, so
 * there is nothing else to lock.
 */
#include <linux/module.h>
#include <hvnet/version.h>

#include "vswitch.h"

static int __init vswitch_init(void)
{
	return vswitch_netlink_init();
}

static void __exit vswitch_exit(void)
{
	vswitch_netlink_exit();
}

module_init(vswitch_init);
module_exit(vswitch_exit);

MODULE_DESCRIPTION("hvnet: the Hyper-V extensible switch");
MODULE_LICENSE("GPL");
MODULE_VERSION(HVNET_VERSION);
