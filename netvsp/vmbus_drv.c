// SPDX-License-Identifier: GPL-2.0
/*
 * hvnet_vmbus.ko - a VMBus that Linux's own Hyper-V drivers (hv_netvsc)
 * bind to, with a host side (include/hvnet/vmbus_host.h) that hvnet's
 * NetVSP serves. This file is the bus: the "vmbus" bus_type, its devices,
 * driver registration and the module's life.
 *
 * Lock domain:
 * - bus->lock (spinlock, taken with BH off: the host looks GPADLs up from
 *   softirq) protects a bus's lists of primary channels and GPADLs and its
 *   counters; it is never held across a call out of the module.
 * - chan->open_lock (mutex) serializes vmbus_open(), vmbus_close() and
 *   rescind of one channel; a primary's lock also covers its sub-channel
 *   list. Process context only.
 * - ch->sched_lock (spinlock, IRQ-safe) guards onchannel_callback against
 *   vmbus_close(): the callback runs from irq_work under it.
 * - ch->outbound.ring_lock serializes the guest's writers (any context),
 *   chan->send_lock the host's writers of the inbound ring.
 * - ch->requestor.req_lock (IRQ-safe) guards the request ids.
 * - The device core's locks: devices are registered and unregistered only
 *   from hvnet_vmbus_pri_wq (probe takes RTNL and waits for the host),
 *   sub-channels are announced from hvnet_vmbus_sub_wq.
 * Order: open_lock, then bus->lock or the spinlocks; never RTNL inside.
 *
 * The exports hv_netvsc imports come from five files, one per file of the
 * real drivers/hv, each with that file's include list (see vmbus.h). This
 * one has vmbus_drv.c's.
 */
/* macros only: no type reaches the CRCs */
#include <linux/version.h>
#include <linux/init.h>
#include <linux/module.h>
#include <linux/device.h>
#if LINUX_VERSION_CODE >= KERNEL_VERSION(6, 12, 0)
#include <linux/platform_device.h>
#endif
#include <linux/interrupt.h>
#include <linux/sysctl.h>
#include <linux/slab.h>
#include <linux/acpi.h>
#include <linux/completion.h>
#include <linux/hyperv.h>
#include <linux/kernel_stat.h>
#if LINUX_VERSION_CODE >= KERNEL_VERSION(6, 12, 0)
#include <linux/of_address.h>
#endif
#include <linux/clockchips.h>
#include <linux/cpu.h>
#include <linux/sched/isolation.h>
#include <linux/sched/task_stack.h>
#include <linux/delay.h>
#include <linux/panic_notifier.h>
#include <linux/ptrace.h>
#include <linux/screen_info.h>
#include <linux/efi.h>
#include <linux/random.h>
#include <linux/kernel.h>
#include <linux/syscore_ops.h>
#include <linux/dma-map-ops.h>
#include <linux/pci.h>
#include <clocksource/hyperv_timer.h>
#if LINUX_VERSION_CODE >= KERNEL_VERSION(6, 12, 0)
#include <asm/mshyperv.h>
#endif
#include <linux/tracepoint.h>

#include <hvnet/version.h>
#include "vmbus.h"

/* 6.12 matches driver_override at the bus; 6.1 keeps a string per device */
#if LINUX_VERSION_CODE >= KERNEL_VERSION(6, 12, 0)
#define HVNET_BUS_DRIVER_OVERRIDE
#endif

struct workqueue_struct *hvnet_vmbus_pri_wq;
struct workqueue_struct *hvnet_vmbus_sub_wq;

static struct hvnet_vmbus_chan *hv_dev_chan(struct device *dev)
{
	struct hv_device *hv_dev = device_to_hv_device(dev);

	return hv_dev->channel ? to_hchan(hv_dev->channel) : NULL;
}

static ssize_t id_show(struct device *dev, struct device_attribute *attr,
		       char *buf)
{
	struct hv_device *hv_dev = device_to_hv_device(dev);

	return sysfs_emit(buf, "%d\n", hv_dev->channel->offermsg.child_relid);
}
static DEVICE_ATTR_RO(id);

static ssize_t state_show(struct device *dev, struct device_attribute *attr,
			  char *buf)
{
	struct hv_device *hv_dev = device_to_hv_device(dev);

	return sysfs_emit(buf, "%d\n", READ_ONCE(hv_dev->channel->state));
}
static DEVICE_ATTR_RO(state);

static ssize_t class_id_show(struct device *dev, struct device_attribute *attr,
			     char *buf)
{
	struct hv_device *hv_dev = device_to_hv_device(dev);

	return sysfs_emit(buf, "{%pUl}\n",
			  &hv_dev->channel->offermsg.offer.if_type);
}
static DEVICE_ATTR_RO(class_id);

static ssize_t device_id_show(struct device *dev, struct device_attribute *attr,
			      char *buf)
{
	struct hv_device *hv_dev = device_to_hv_device(dev);

	return sysfs_emit(buf, "{%pUl}\n",
			  &hv_dev->channel->offermsg.offer.if_instance);
}
static DEVICE_ATTR_RO(device_id);

static ssize_t modalias_show(struct device *dev, struct device_attribute *attr,
			     char *buf)
{
	struct hv_device *hv_dev = device_to_hv_device(dev);

	return sysfs_emit(buf, "vmbus:%*phN\n", UUID_SIZE, &hv_dev->dev_type);
}
static DEVICE_ATTR_RO(modalias);

static ssize_t vendor_show(struct device *dev, struct device_attribute *attr,
			   char *buf)
{
	return sysfs_emit(buf, "0x%x\n", device_to_hv_device(dev)->vendor_id);
}
static DEVICE_ATTR_RO(vendor);

static ssize_t device_show(struct device *dev, struct device_attribute *attr,
			   char *buf)
{
	return sysfs_emit(buf, "0x%x\n", device_to_hv_device(dev)->device_id);
}
static DEVICE_ATTR_RO(device);

/* "relid:cpu" of the primary and each sub-channel, as the real bus shows */
static ssize_t channel_vp_mapping_show(struct device *dev,
				       struct device_attribute *attr, char *buf)
{
	struct hvnet_vmbus_chan *c = hv_dev_chan(dev), *sc;
	int n;

	mutex_lock(&c->open_lock);
	n = sysfs_emit(buf, "%u:%u\n", c->ch.offermsg.child_relid,
		       c->ch.target_cpu);
	list_for_each_entry(sc, &c->subs, node)
		n += sysfs_emit_at(buf, n, "%u:%u\n",
				   sc->ch.offermsg.child_relid,
				   sc->ch.target_cpu);
	mutex_unlock(&c->open_lock);
	return n;
}
static DEVICE_ATTR_RO(channel_vp_mapping);

#ifndef HVNET_BUS_DRIVER_OVERRIDE
static ssize_t driver_override_store(struct device *dev,
				     struct device_attribute *attr,
				     const char *buf, size_t count)
{
	struct hv_device *hv_dev = device_to_hv_device(dev);
	int ret;

	ret = driver_set_override(dev, &hv_dev->driver_override, buf, count);
	return ret ? ret : count;
}

static ssize_t driver_override_show(struct device *dev,
				    struct device_attribute *attr, char *buf)
{
	struct hv_device *hv_dev = device_to_hv_device(dev);
	ssize_t len;

	device_lock(dev);
	len = sysfs_emit(buf, "%s\n", hv_dev->driver_override);
	device_unlock(dev);
	return len;
}
static DEVICE_ATTR_RW(driver_override);
#endif

static struct attribute *hvnet_vmbus_dev_attrs[] = {
	&dev_attr_id.attr,
	&dev_attr_state.attr,
	&dev_attr_class_id.attr,
	&dev_attr_device_id.attr,
	&dev_attr_modalias.attr,
	&dev_attr_vendor.attr,
	&dev_attr_device.attr,
	&dev_attr_channel_vp_mapping.attr,
#ifndef HVNET_BUS_DRIVER_OVERRIDE
	&dev_attr_driver_override.attr,
#endif
	NULL,
};
ATTRIBUTE_GROUPS(hvnet_vmbus_dev);

#ifdef HVNET_BUS_DRIVER_OVERRIDE
static int hvnet_vmbus_uevent(const struct device *dev,
			      struct kobj_uevent_env *env)
{
	const struct hv_device *hv_dev = device_to_hv_device(dev);
#else
static int hvnet_vmbus_uevent(struct device *dev, struct kobj_uevent_env *env)
{
	struct hv_device *hv_dev = device_to_hv_device(dev);
#endif

	return add_uevent_var(env, "MODALIAS=vmbus:%*phN", UUID_SIZE,
			      &hv_dev->dev_type);
}

static const struct hv_vmbus_device_id hvnet_vmbus_id_any;

#ifdef HVNET_BUS_DRIVER_OVERRIDE
/* device_match_driver_override(), with a lock sparse can follow */
static int hvnet_vmbus_match_override(struct device *dev,
				      const struct device_driver *drv)
{
	int ret = -1;

	spin_lock(&dev->driver_override.lock);
	if (dev->driver_override.name)
		ret = !strcmp(dev->driver_override.name, drv->name);
	spin_unlock(&dev->driver_override.lock);
	return ret;
}
#endif

/* The matching id of @drv for @hv_dev, as the real bus decides it. */
static const struct hv_vmbus_device_id *
hvnet_vmbus_get_id(struct hv_driver *drv, struct hv_device *hv_dev)
{
	const struct hv_vmbus_device_id *id = drv->id_table;
	bool overridden = false;

#ifdef HVNET_BUS_DRIVER_OVERRIDE
	int ret = hvnet_vmbus_match_override(&hv_dev->device, &drv->driver);

	if (!ret)
		return NULL;
	overridden = ret > 0;
#else
	if (hv_dev->driver_override) {
		if (strcmp(hv_dev->driver_override, drv->name))
			return NULL;
		overridden = true;
	}
#endif
	for (; id && !guid_is_null(&id->guid); id++)
		if (guid_equal(&id->guid, &hv_dev->dev_type))
			return id;
	return overridden ? &hvnet_vmbus_id_any : NULL;
}

#ifdef HVNET_BUS_DRIVER_OVERRIDE
static int hvnet_vmbus_match(struct device *dev, const struct device_driver *d)
#else
static int hvnet_vmbus_match(struct device *dev, struct device_driver *d)
#endif
{
	struct hv_driver *drv = container_of(d, struct hv_driver, driver);
	struct hv_device *hv_dev = device_to_hv_device(dev);

	/* an hv_sock offer is for hv_sock drivers only */
	if (is_hvsock_channel(hv_dev->channel) != drv->hvsock)
		return 0;
	return hvnet_vmbus_get_id(drv, hv_dev) ? 1 : 0;
}

static int hvnet_vmbus_probe(struct device *dev)
{
	struct hv_driver *drv = container_of(dev->driver, struct hv_driver,
					     driver);
	struct hv_device *hv_dev = device_to_hv_device(dev);
	struct hvnet_vmbus_chan *c = to_hchan(hv_dev->channel);
	const struct hv_vmbus_device_id *id;
	int ret = -ENODEV;

	id = hvnet_vmbus_get_id(drv, hv_dev);
	if (id && drv->probe)
		ret = drv->probe(hv_dev, id);
	if (c->ops->probed)
		c->ops->probed(c, hv_dev, ret);
	return ret;
}

static void hvnet_vmbus_remove(struct device *dev)
{
	struct hv_driver *drv = container_of(dev->driver, struct hv_driver,
					     driver);

	if (drv->remove)
		drv->remove(device_to_hv_device(dev));
}

static void hvnet_vmbus_shutdown(struct device *dev)
{
	struct hv_driver *drv;

	if (!dev->driver)
		return;
	drv = container_of(dev->driver, struct hv_driver, driver);
	if (drv->shutdown)
		drv->shutdown(device_to_hv_device(dev));
}

static struct bus_type hvnet_vmbus_bus = {
	.name = "vmbus",
	.match = hvnet_vmbus_match,
	.uevent = hvnet_vmbus_uevent,
	.probe = hvnet_vmbus_probe,
	.remove = hvnet_vmbus_remove,
	.shutdown = hvnet_vmbus_shutdown,
	.dev_groups = hvnet_vmbus_dev_groups,
#ifdef HVNET_BUS_DRIVER_OVERRIDE
	.driver_override = true,
#endif
};

static void hvnet_vmbus_device_release(struct device *dev)
{
	struct hv_device *hv_dev = device_to_hv_device(dev);

#ifndef HVNET_BUS_DRIVER_OVERRIDE
	kfree(hv_dev->driver_override);
#endif
	kfree(hv_dev);
}

bool hvnet_vmbus_is_ours(struct hv_device *dev)
{
	return dev->device.bus == &hvnet_vmbus_bus;
}

/*
 * Register a primary channel's hv_device. Runs on hvnet_vmbus_pri_wq: the
 * guest driver's probe runs inside device_register(), takes RTNL and waits
 * for the host, so neither RTNL nor the host's service may be held here.
 */
void hvnet_vmbus_device_register_work(struct work_struct *work)
{
	struct hvnet_vmbus_chan *c = container_of(work, struct hvnet_vmbus_chan,
						  reg_work);
	struct vmbus_channel *ch = &c->ch;
	struct hv_device *hv_dev;
	int ret;

	hv_dev = kzalloc(sizeof(*hv_dev), GFP_KERNEL);
	if (!hv_dev)
		goto out;
	guid_copy(&hv_dev->dev_type, &ch->offermsg.offer.if_type);
	guid_copy(&hv_dev->dev_instance, &ch->offermsg.offer.if_instance);
	hv_dev->vendor_id = HVNET_VMBUS_VENDOR_ID;
	hv_dev->device_id = ch->device_id;
	hv_dev->channel = ch;
	hv_dev->device.bus = &hvnet_vmbus_bus;
	hv_dev->device.parent = &c->bus->root;
	hv_dev->device.release = hvnet_vmbus_device_release;
	/* hv_netvsc sets a DMA alignment mask: it needs dma_parms */
	hv_dev->device.dma_parms = &hv_dev->dma_parms;
	hv_dev->device.dma_mask = &hv_dev->dma_mask;
	hv_dev->dma_mask = DMA_BIT_MASK(64);
	hv_dev->device.coherent_dma_mask = DMA_BIT_MASK(64);
	device_initialize(&hv_dev->device);
	ret = dev_set_name(&hv_dev->device, "%pUl", &hv_dev->dev_instance);
	if (!ret) {
		ch->device_obj = hv_dev;
		ch->probe_done = false;
		ret = device_add(&hv_dev->device);
	}
	if (ret) {
		dev_err(&c->bus->root, "channel %u: no device: %d\n",
			ch->offermsg.child_relid, ret);
		ch->device_obj = NULL;
		put_device(&hv_dev->device);
		goto out;
	}
	c->hv_dev = hv_dev;
	ch->probe_done = true;
out:
	complete_all(&c->reg_done);
}

static void hvnet_vmbus_root_release(struct device *dev)
{
	struct hvnet_vmbus *bus = container_of(dev, struct hvnet_vmbus, root);

	kfree(bus);
}

/**
 * hvnet_vmbus_create() - make a child partition's VMBus
 * @net: the namespace its devices' netdevs belong in
 * @name: the bus's name, unique among buses (the root device's name)
 *
 * The bus holds no reference on @net: a counted one would keep the
 * namespace's pernet exit from ever running, and it is that exit which
 * takes the partition (and so the bus) away. The caller destroys the bus
 * before @net goes.
 *
 * Return: the bus, or an ERR_PTR. Sleeps.
 */
struct hvnet_vmbus *hvnet_vmbus_create(struct net *net, const char *name)
{
	struct hvnet_vmbus *bus;
	int ret;

	bus = kzalloc(sizeof(*bus), GFP_KERNEL);
	if (!bus)
		return ERR_PTR(-ENOMEM);
	spin_lock_init(&bus->lock);
	INIT_LIST_HEAD(&bus->chans);
	INIT_LIST_HEAD(&bus->gpadls);
	bus->next_gpadl = HVNET_VMBUS_GPADL_FIRST;
	bus->next_relid = 1;
	bus->net = net;
	bus->root.release = hvnet_vmbus_root_release;
	device_initialize(&bus->root);
	ret = dev_set_name(&bus->root, "vmbus-%s", name);
	if (!ret)
		ret = device_add(&bus->root);
	if (ret) {
		put_device(&bus->root);
		return ERR_PTR(ret);
	}
	return bus;
}
EXPORT_SYMBOL_GPL(hvnet_vmbus_create);

/**
 * hvnet_vmbus_destroy() - take every channel of a bus away and free it
 * @bus: from hvnet_vmbus_create()
 *
 * Each primary is rescinded as hvnet_vmbus_rescind() does. Sleeps.
 */
void hvnet_vmbus_destroy(struct hvnet_vmbus *bus)
{
	hvnet_vmbus_rescind_all(bus);
	device_unregister(&bus->root);
}
EXPORT_SYMBOL_GPL(hvnet_vmbus_destroy);

/**
 * __vmbus_driver_register() - register a VMBus driver
 * @hv_driver: the driver, with its name and id_table
 * @owner: its module
 * @mod_name: its module's name
 *
 * Return: 0 or driver_register()'s error.
 */
int __vmbus_driver_register(struct hv_driver *hv_driver, struct module *owner,
			    const char *mod_name)
{
	hv_driver->driver.name = hv_driver->name;
	hv_driver->driver.owner = owner;
	hv_driver->driver.mod_name = mod_name;
	hv_driver->driver.bus = &hvnet_vmbus_bus;
	spin_lock_init(&hv_driver->dynids.lock);
	INIT_LIST_HEAD(&hv_driver->dynids.list);
	return driver_register(&hv_driver->driver);
}
EXPORT_SYMBOL_GPL(__vmbus_driver_register);

/**
 * vmbus_driver_unregister() - unregister a VMBus driver
 * @hv_driver: from __vmbus_driver_register()
 *
 * Every device bound to it is removed first.
 */
void vmbus_driver_unregister(struct hv_driver *hv_driver)
{
	driver_unregister(&hv_driver->driver);
}
EXPORT_SYMBOL_GPL(vmbus_driver_unregister);

static int __init hvnet_vmbus_init(void)
{
	int ret;

	hvnet_vmbus_pri_wq = alloc_ordered_workqueue("hvnet_vmbus_pri", 0);
	hvnet_vmbus_sub_wq = alloc_ordered_workqueue("hvnet_vmbus_sub", 0);
	if (!hvnet_vmbus_pri_wq || !hvnet_vmbus_sub_wq) {
		ret = -ENOMEM;
		goto err;
	}
	ret = bus_register(&hvnet_vmbus_bus);
	if (ret)
		goto err;
	return 0;
err:
	if (hvnet_vmbus_sub_wq)
		destroy_workqueue(hvnet_vmbus_sub_wq);
	if (hvnet_vmbus_pri_wq)
		destroy_workqueue(hvnet_vmbus_pri_wq);
	return ret;
}

static void __exit hvnet_vmbus_exit(void)
{
	/* every bus is gone: its host service holds a reference on us */
	bus_unregister(&hvnet_vmbus_bus);
	destroy_workqueue(hvnet_vmbus_sub_wq);
	destroy_workqueue(hvnet_vmbus_pri_wq);
}

module_init(hvnet_vmbus_init);
module_exit(hvnet_vmbus_exit);

MODULE_DESCRIPTION("hvnet: a VMBus for Linux's Hyper-V drivers, served by the host");
MODULE_LICENSE("GPL");
MODULE_VERSION(HVNET_VERSION);
