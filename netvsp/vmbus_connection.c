// SPDX-License-Identifier: GPL-2.0
/*
 * The connection's protocol version: the one export of connection.c,
 * compiled with that file's include list for its CRC (see vmbus.h).
 */
#include <linux/kernel.h>
#include <linux/sched.h>
#include <linux/wait.h>
#include <linux/delay.h>
#include <linux/mm.h>
#include <linux/module.h>
#include <linux/slab.h>
#include <linux/vmalloc.h>
#include <linux/hyperv.h>
#include <linux/export.h>
#include <linux/io.h>
#include <linux/set_memory.h>
#include <asm/mshyperv.h>
#include <linux/tracepoint.h>

#include "vmbus.h"

/*
 * What the real guest negotiated with its host. hv_netvsc tears its GPADLs
 * down after vmbus_close() from VERSION_WIN10 on, which this bus supports.
 */
__u32 vmbus_proto_version = HVNET_VMBUS_PROTO_VERSION;
EXPORT_SYMBOL_GPL(vmbus_proto_version);
