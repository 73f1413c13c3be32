// SPDX-License-Identifier: GPL-2.0
/*
 * vswitch.ko - the Hyper-V extensible switch.
 *
 * Lock domain:
 *  - vswitch_mutex guards every switch, port and NIC and their lists; taken
 *    by configuration (netlink, the in-kernel API, netdev events). Where
 *    netdevs are touched RTNL is taken first: RTNL -> vswitch_mutex.
 *  - The data path takes no lock: it reads switches, ports, NICs, VLAN
 *    settings and forwarding entries under RCU (softirq, or BH disabled),
 *    and counts in per-CPU stats. Objects are freed after a grace period;
 *    a NIC leaving the connected state waits one, so no frame is in flight.
 *  - fdb->lock (BH spinlock) serializes forwarding-table inserts, moves and
 *    removals; lookups are RCU.
 * Helpers: vswitch_deref() is rcu_dereference_protected() by vswitch_mutex.
 */
#include <linux/module.h>
#include <linux/rtnetlink.h>
#include <hvnet/version.h>

#include "vswitch.h"

/* the configuration lock of the whole module (see above) */
DEFINE_MUTEX(vswitch_mutex);

static int __init vswitch_init(void)
{
	int err;

	err = vswitch_fdb_module_init();
	if (err)
		return err;
	err = vswitch_netdev_notifier_register();
	if (err)
		goto fdb;
	err = vswitch_netlink_init();
	if (err)
		goto notifier;
	return 0;

notifier:
	vswitch_netdev_notifier_unregister();
fdb:
	vswitch_fdb_module_exit();
	return err;
}

static void __exit vswitch_exit(void)
{
	vswitch_netlink_exit();
	rtnl_lock();
	mutex_lock(&vswitch_mutex);
	vswitch_destroy_all();
	mutex_unlock(&vswitch_mutex);
	rtnl_unlock();
	vswitch_netdev_notifier_unregister();
	rcu_barrier();
	vswitch_fdb_module_exit();
}

module_init(vswitch_init);
module_exit(vswitch_exit);

MODULE_DESCRIPTION("hvnet: the Hyper-V extensible switch");
MODULE_LICENSE("GPL");
MODULE_VERSION(HVNET_VERSION);
