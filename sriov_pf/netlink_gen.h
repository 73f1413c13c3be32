/* SPDX-License-Identifier: ((GPL-2.0 WITH Linux-syscall-note) OR BSD-3-Clause) */
/* Do not edit directly, auto-generated from: */
/*	Documentation/netlink/specs/sriov_pf.yaml */
/* YNL-GEN kernel header */

#ifndef _LINUX_SRIOV_PF_GEN_H
#define _LINUX_SRIOV_PF_GEN_H

#include <net/netlink.h>
#include <net/genetlink.h>

#include <uapi/linux/hvnet_sriov_pf.h>
#include <hvnet/compat.h>

int sriov_pf_nl_info_get_doit(struct sk_buff *skb, struct genl_info *info);

extern struct genl_family sriov_pf_nl_family;

#endif /* _LINUX_SRIOV_PF_GEN_H */
