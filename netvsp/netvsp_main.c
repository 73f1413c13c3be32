// SPDX-License-Identifier: GPL-2.0
/*
 * netvsp.ko - the host's NetVSP backend: child partitions, their VMBus
 * channels, and the synthetic NICs served over them.
 *
 * Lock domain: netvsp_mutex guards every partition and synthetic NIC and
 * their lists (netvsp.h). It is taken by the netvsp family's handlers and by
 * a namespace's pernet exit. Order: the genetlink mutex or pernet_ops_rwsem,
 * then netvsp_mutex, then RTNL (a VMBus's destruction runs the guest
 * drivers' remove, which takes RTNL): nothing here takes netvsp_mutex under
 * RTNL. The data path takes no lock of this module.
 */
#include <linux/module.h>
#include <hvnet/version.h>

#include "netvsp.h"

/* the configuration lock of the whole module (see above) */
DEFINE_MUTEX(netvsp_mutex);

static int __init netvsp_init(void)
{
	int err;

	err = netvsp_partitions_init();
	if (err)
		return err;
	err = netvsp_netlink_init();
	if (err)
		netvsp_partitions_exit();
	return err;
}

/* No request arrives once the family is gone; then the partitions go. */
static void __exit netvsp_exit(void)
{
	netvsp_netlink_exit();
	netvsp_partitions_exit();
}

module_init(netvsp_init);
module_exit(netvsp_exit);

MODULE_DESCRIPTION("hvnet: NetVSP, the host side of synthetic networking");
MODULE_LICENSE("GPL");
MODULE_VERSION(HVNET_VERSION);
