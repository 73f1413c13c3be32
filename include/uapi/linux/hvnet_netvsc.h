/* SPDX-License-Identifier: ((GPL-2.0 WITH Linux-syscall-note) OR BSD-3-Clause) */
/* Do not edit directly, auto-generated from: */
/*	Documentation/netlink/specs/netvsc.yaml */
/* YNL-GEN uapi header */

#ifndef _UAPI_LINUX_HVNET_NETVSC_H
#define _UAPI_LINUX_HVNET_NETVSC_H

#define NETVSC_FAMILY_NAME	"netvsc"
#define NETVSC_FAMILY_VERSION	1

#define NETVSC_PROTOCOL_REVISION	1

enum {
	NETVSC_A_INFO_MODULE_VERSION = 1,
	NETVSC_A_INFO_PROTOCOL_REVISION,

	__NETVSC_A_INFO_MAX,
	NETVSC_A_INFO_MAX = (__NETVSC_A_INFO_MAX - 1)
};

enum {
	NETVSC_CMD_INFO_GET = 1,

	__NETVSC_CMD_MAX,
	NETVSC_CMD_MAX = (__NETVSC_CMD_MAX - 1)
};

#endif /* _UAPI_LINUX_HVNET_NETVSC_H */
