/* SPDX-License-Identifier: ((GPL-2.0 WITH Linux-syscall-note) OR BSD-3-Clause) */
/*
 * The capture extension of the hvnet switch (vswitch_capture.ko): what it
 * reads from user space and what it shows of its capture netdev.
 *
 * Which traffic of a port is captured is a custom port property:
 *
 *   id        HVNET_CAPTURE_PROP_ID ('capt')
 *   instance  0 (one per port)
 *   version   HVNET_CAPTURE_PROP_VERSION, the version of the data's layout
 *   data      struct hvnet_capture_prop, in host byte order
 *
 * A port without the property is not captured. The property is refused on
 * the switch itself (without a port).
 */
#ifndef _UAPI_LINUX_HVNET_EXT_CAPTURE_H
#define _UAPI_LINUX_HVNET_EXT_CAPTURE_H

#include <linux/types.h>

#define HVNET_CAPTURE_EXT_NAME		"capture"
/* The kind (ip -d link) and driver (ethtool -i) of the capture netdev */
#define HVNET_CAPTURE_KIND		"vswitch_capture"

#define HVNET_CAPTURE_PROP_ID		0x63617074	/* 'c' 'a' 'p' 't' */
#define HVNET_CAPTURE_PROP_VERSION	1

/* What the port sends into the switch (its ingress) */
#define HVNET_CAPTURE_INGRESS		(1U << 0)
/* What the switch delivers to the port (its egress) */
#define HVNET_CAPTURE_EGRESS		(1U << 1)
#define HVNET_CAPTURE_DIRECTIONS	(HVNET_CAPTURE_INGRESS | HVNET_CAPTURE_EGRESS)

/**
 * struct hvnet_capture_prop - the capture property of a port, version 1
 * @directions: HVNET_CAPTURE_INGRESS and/or HVNET_CAPTURE_EGRESS; 0
 *	captures nothing. Other bits are refused.
 */
struct hvnet_capture_prop {
	__u32 directions;
} __attribute__((packed));

/* IFLA_INFO_DATA of the capture netdev (RTM_GETLINK, read only) */
enum {
	IFLA_HVNET_CAPTURE_UNSPEC,
	IFLA_HVNET_CAPTURE_SWITCH,	/* string: the switch it captures */

	__IFLA_HVNET_CAPTURE_MAX,
	IFLA_HVNET_CAPTURE_MAX = (__IFLA_HVNET_CAPTURE_MAX - 1)
};

#endif /* _UAPI_LINUX_HVNET_EXT_CAPTURE_H */
