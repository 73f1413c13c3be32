/* SPDX-License-Identifier: ((GPL-2.0 WITH Linux-syscall-note) OR BSD-3-Clause) */
/* Do not edit directly, auto-generated from: */
/*	Documentation/netlink/specs/sriov_pf.yaml */
/* YNL-GEN uapi header */

#ifndef _UAPI_LINUX_HVNET_SRIOV_PF_H
#define _UAPI_LINUX_HVNET_SRIOV_PF_H

#define SRIOV_PF_FAMILY_NAME	"sriov_pf"
#define SRIOV_PF_FAMILY_VERSION	1

#define SRIOV_PF_PROTOCOL_REVISION	1

enum {
	SRIOV_PF_A_INFO_MODULE_VERSION = 1,
	SRIOV_PF_A_INFO_PROTOCOL_REVISION,

	__SRIOV_PF_A_INFO_MAX,
	SRIOV_PF_A_INFO_MAX = (__SRIOV_PF_A_INFO_MAX - 1)
};

enum {
	SRIOV_PF_CMD_INFO_GET = 1,

	__SRIOV_PF_CMD_MAX,
	SRIOV_PF_CMD_MAX = (__SRIOV_PF_CMD_MAX - 1)
};

#endif /* _UAPI_LINUX_HVNET_SRIOV_PF_H */
