// SPDX-License-Identifier: GPL-2.0
/*
 * Child partitions: a network namespace of the host and the VMBus its
 * synthetic NICs are served on. A partition lives from partition-new until
 * partition-del, its namespace's pernet exit, or the module's unload,
 * whichever comes first; all three end in netvsp_partition_destroy().
 *
 * The partition holds no counted reference on its namespace: one would keep
 * ip netns del from ever running the pernet exit that takes the partition
 * away. The pointer is valid while the partition is on netvsp_partitions,
 * because that exit removes it (under netvsp_mutex) before the namespace is
 * freed.
 */
#include <linux/ctype.h>
#include <linux/list.h>
#include <linux/slab.h>
#include <linux/string.h>
#include <net/net_namespace.h>
#include <hvnet/compat.h>

#include "netvsp.h"

/* every partition, in creation order; under netvsp_mutex */
LIST_HEAD(netvsp_partitions);
/* the module is going: its family is gone, nothing is announced */
static bool netvsp_unloading;

struct hvnet_vmbus *netvsp_partition_vmbus(const struct netvsp_partition *p)
{
	return p->bus;
}

struct net *netvsp_partition_net(const struct netvsp_partition *p)
{
	return p->net;
}

const char *netvsp_partition_name(const struct netvsp_partition *p)
{
	return p->name;
}

/* Under netvsp_mutex. */
struct netvsp_partition *netvsp_partition_find(const char *name)
{
	struct netvsp_partition *p;

	lockdep_assert_held(&netvsp_mutex);
	list_for_each_entry(p, &netvsp_partitions, node)
		if (!strcmp(p->name, name))
			return p;
	return NULL;
}

static struct netvsp_partition *netvsp_partition_of(const struct net *net)
{
	struct netvsp_partition *p;

	list_for_each_entry(p, &netvsp_partitions, node)
		if (net_eq(p->net, net))
			return p;
	return NULL;
}

/*
 * A name is also the VMBus device's (vmbus-NAME, under /sys/devices):
 * letters, digits, '.', '_' and '-' only.
 */
static bool netvsp_partition_name_ok(const char *name)
{
	const char *c;

	if (!*name)
		return false;
	for (c = name; *c; c++)
		if (!isalnum(*c) && *c != '.' && *c != '_' && *c != '-')
			return false;
	return true;
}

/**
 * netvsp_partition_create() - make a network namespace a child partition
 * @name: the partition's name (at most NETVSP_NAME_LEN - 1 characters)
 * @net: its namespace, held by the caller for the call
 * @extack: why not
 *
 * Under netvsp_mutex; sleeps. The partition gets a VMBus of its own, named
 * vmbus-@name.
 *
 * Return: the partition, or an ERR_PTR() with an extack message.
 */
struct netvsp_partition *netvsp_partition_create(const char *name, struct net *net,
						 struct netlink_ext_ack *extack)
{
	struct netvsp_partition *p;
	struct hvnet_vmbus *bus;

	lockdep_assert_held(&netvsp_mutex);
	if (!netvsp_partition_name_ok(name) || strlen(name) >= NETVSP_NAME_LEN) {
		NL_SET_ERR_MSG(extack,
			       "a partition name is 1-63 letters, digits, '.', '_' or '-'");
		return ERR_PTR(-EINVAL);
	}
	if (net_eq(net, &init_net)) {
		NL_SET_ERR_MSG(extack, "the initial namespace is the root partition's");
		return ERR_PTR(-EINVAL);
	}
	if (netvsp_partition_find(name)) {
		NL_SET_ERR_MSG(extack, "a partition of that name exists");
		return ERR_PTR(-EEXIST);
	}
	p = netvsp_partition_of(net);
	if (p) {
		NL_SET_ERR_MSG_FMT(extack, "the namespace is partition %s's", p->name);
		return ERR_PTR(-EBUSY);
	}

	p = kzalloc(sizeof(*p), GFP_KERNEL);
	if (!p)
		return ERR_PTR(-ENOMEM);
	strscpy(p->name, name, sizeof(p->name));
	p->net = net;
	bus = hvnet_vmbus_create(net, name);
	if (IS_ERR(bus)) {
		NL_SET_ERR_MSG(extack, "the partition's VMBus could not be created");
		kfree(p);
		return ERR_CAST(bus);
	}
	p->bus = bus;
	list_add_tail(&p->node, &netvsp_partitions);
	return p;
}

/**
 * netvsp_partition_destroy() - take a partition away
 * @p: from netvsp_partition_create()
 *
 * Under netvsp_mutex, without RTNL (the guest drivers' remove takes it);
 * sleeps. The partition's VMBus goes with every channel on it; the
 * namespace stays.
 */
void netvsp_partition_destroy(struct netvsp_partition *p)
{
	lockdep_assert_held(&netvsp_mutex);
	list_del(&p->node);
	hvnet_vmbus_destroy(p->bus);
	kfree(p);
}

/*
 * A namespace going (ip netns del, its last process gone) takes its
 * partition with it, announced on "monitor"; at module unload every
 * namespace's exit runs, so the partitions all go there, unannounced (the
 * family is unregistered first).
 */
static void __net_exit netvsp_partition_net_exit(struct net *net)
{
	struct netvsp_partition *p;

	mutex_lock(&netvsp_mutex);
	p = netvsp_partition_of(net);
	if (p) {
		if (!netvsp_unloading)
			netvsp_nl_partition_gone(p);
		netvsp_partition_destroy(p);
	}
	mutex_unlock(&netvsp_mutex);
}

static struct pernet_operations netvsp_partition_net_ops = {
	.exit = netvsp_partition_net_exit,
};

int __init netvsp_partitions_init(void)
{
	return register_pernet_subsys(&netvsp_partition_net_ops);
}

/* After netvsp_netlink_exit(): no request makes a partition any more. */
void netvsp_partitions_exit(void)
{
	mutex_lock(&netvsp_mutex);
	netvsp_unloading = true;
	mutex_unlock(&netvsp_mutex);
	unregister_pernet_subsys(&netvsp_partition_net_ops);
}
