// SPDX-License-Identifier: GPL-2.0
/*
 * sriov_pf.ko - an SR-IOV network adapter emulated on a software PCI root
 * bus: physical and virtual functions, the NIC switch, the PF/VF backchannel
 * and VMQ.
 *
 * Lock domain: configuration requests arrive through the sriov_pf generic
 * netlink family, whose operations are serialized by the genetlink mutex
 * (the family does not set parallel_ops). There is no adapter yet, so there
 * is nothing else to lock.
 */
#include <linux/module.h>
#include <hvnet/version.h>

#include "sriov_pf.h"

static int __init sriov_pf_init(void)
{
	return sriov_pf_netlink_init();
}

static void __exit sriov_pf_exit(void)
{
	sriov_pf_netlink_exit();
}

module_init(sriov_pf_init);
module_exit(sriov_pf_exit);

MODULE_DESCRIPTION("hvnet: an emulated SR-IOV network adapter");
MODULE_LICENSE("GPL");
MODULE_VERSION(HVNET_VERSION);
