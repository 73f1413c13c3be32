// SPDX-License-Identifier: ((GPL-2.0 WITH Linux-syscall-note) OR BSD-3-Clause)
/* Do not edit directly, auto-generated from: */
/*	Documentation/netlink/specs/sriov_pf.yaml */
/* YNL-GEN kernel source */

#include <net/netlink.h>
#include <net/genetlink.h>

#include "netlink_gen.h"

#include <uapi/linux/hvnet_sriov_pf.h>
#include <hvnet/compat.h>

/* Ops table for sriov_pf */
static const struct genl_split_ops sriov_pf_nl_ops[] = {
	{
		.cmd	= SRIOV_PF_CMD_INFO_GET,
		.doit	= sriov_pf_nl_info_get_doit,
		.flags	= GENL_CMD_CAP_DO,
	},
};

struct genl_family sriov_pf_nl_family __ro_after_init = {
	.name		= SRIOV_PF_FAMILY_NAME,
	.version	= SRIOV_PF_FAMILY_VERSION,
	.netnsok	= true,
	.parallel_ops	= true,
	.module		= THIS_MODULE,
	.split_ops	= sriov_pf_nl_ops,
	.n_split_ops	= ARRAY_SIZE(sriov_pf_nl_ops),
};
