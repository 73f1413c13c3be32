/* SPDX-License-Identifier: ((GPL-2.0 WITH Linux-syscall-note) OR BSD-3-Clause) */
/* Do not edit directly, auto-generated from: */
/*	Documentation/netlink/specs/netvsp.yaml */
/* YNL-GEN uapi header */

#ifndef _UAPI_LINUX_HVNET_NETVSP_H
#define _UAPI_LINUX_HVNET_NETVSP_H

#define NETVSP_FAMILY_NAME	"netvsp"
#define NETVSP_FAMILY_VERSION	1

#define NETVSP_PROTOCOL_REVISION	1

enum {
	NETVSP_A_INFO_MODULE_VERSION = 1,
	NETVSP_A_INFO_PROTOCOL_REVISION,

	__NETVSP_A_INFO_MAX,
	NETVSP_A_INFO_MAX = (__NETVSP_A_INFO_MAX - 1)
};

enum {
	NETVSP_CMD_INFO_GET = 1,

	__NETVSP_CMD_MAX,
	NETVSP_CMD_MAX = (__NETVSP_CMD_MAX - 1)
};

#endif /* _UAPI_LINUX_HVNET_NETVSP_H */
