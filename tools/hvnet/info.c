// SPDX-License-Identifier: GPL-2.0
/* `hvnet info`: what each hvnet module answers to info-get. */
#include <errno.h>
#include <stdio.h>
#include <string.h>
#include <linux/genetlink.h>
#include <linux/hvnet_netvsp.h>
#include <linux/hvnet_sriov_pf.h>
#include <linux/hvnet_vswitch.h>

#include "hvnet.h"

struct hv_module {
	const char *name;	/* the module, and its family */
	int cmd;		/* info-get */
	int version_attr;
	int revision_attr;
};

static const struct hv_module hv_modules[] = {
	{ VSWITCH_FAMILY_NAME, VSWITCH_CMD_INFO_GET,
	  VSWITCH_A_INFO_MODULE_VERSION, VSWITCH_A_INFO_PROTOCOL_REVISION },
	{ NETVSP_FAMILY_NAME, NETVSP_CMD_INFO_GET,
	  NETVSP_A_INFO_MODULE_VERSION, NETVSP_A_INFO_PROTOCOL_REVISION },
	{ SRIOV_PF_FAMILY_NAME, SRIOV_PF_CMD_INFO_GET,
	  SRIOV_PF_A_INFO_MODULE_VERSION, SRIOV_PF_A_INFO_PROTOCOL_REVISION },
};

struct hv_info {
	const struct hv_module *mod;
	char version[64];
	unsigned int revision;
};

static int info_cb(const struct nlmsghdr *nlh, void *data)
{
	struct hv_info *info = data;
	const struct nlattr *attr;

	mnl_attr_for_each(attr, nlh, sizeof(struct genlmsghdr)) {
		int type = mnl_attr_get_type(attr);

		if (type == info->mod->version_attr &&
		    mnl_attr_validate(attr, MNL_TYPE_NUL_STRING) == 0)
			snprintf(info->version, sizeof(info->version), "%s",
				 mnl_attr_get_str(attr));
		else if (type == info->mod->revision_attr &&
			 mnl_attr_validate(attr, MNL_TYPE_U32) == 0)
			info->revision = mnl_attr_get_u32(attr);
	}
	return MNL_CB_OK;
}

/* 0: answered; -ENOENT: not loaded; else an error (reported). */
static int info_query(struct hv_ctx *ctx, const struct hv_module *mod,
		      struct hv_info *info)
{
	struct nlmsghdr *nlh;
	uint16_t family;
	int ret;

	memset(info, 0, sizeof(*info));
	info->mod = mod;
	ret = nl_family_id(&ctx->nl, mod->name, &family);
	if (ret == -ENOENT)
		return ret;
	if (ret) {
		hv_err(ctx, ret, "resolving family %s", mod->name);
		return ret;
	}
	nlh = nl_req(&ctx->nl, family, mod->cmd, 0);
	ret = nl_talk(&ctx->nl, nlh, info_cb, info);
	if (ret)
		hv_err(ctx, ret, "%s info-get", mod->name);
	return ret;
}

static void info_print(struct hv_ctx *ctx, struct json *j,
		       const struct hv_module *mod, int ret,
		       const struct hv_info *info)
{
	if (ctx->json) {
		json_open_object(j, NULL);
		json_string(j, "module", mod->name);
		json_bool(j, "loaded", ret != -ENOENT);
		if (!ret) {
			json_string(j, "version", info->version);
			json_uint(j, "protocol_revision", info->revision);
		}
		json_close_object(j);
	} else if (ret == -ENOENT) {
		printf("%-9s not loaded\n", mod->name);
	} else if (!ret) {
		printf("%-9s version %s protocol %u\n", mod->name,
		       info->version, info->revision);
	}
}

static int do_info(struct hv_ctx *ctx, struct hv_args *a)
{
	const char *only = arg_next(a);
	struct hv_info info;
	struct json j;
	int failed = 0;
	size_t i;

	if (arg_end(ctx, a))
		return HV_EXIT_USAGE;
	if (only) {
		for (i = 0; i < ARRAY_SIZE(hv_modules); i++)
			if (!strcmp(hv_modules[i].name, only))
				break;
		if (i == ARRAY_SIZE(hv_modules))
			return hv_usage(ctx, "unknown module \"%s\" (%s)", only,
					"vswitch, netvsp, sriov_pf");
	}

	json_init(&j, stdout, ctx->pretty);
	if (ctx->json)
		json_open_array(&j, NULL);
	for (i = 0; i < ARRAY_SIZE(hv_modules); i++) {
		const struct hv_module *mod = &hv_modules[i];
		int ret;

		if (only && strcmp(mod->name, only))
			continue;
		ret = info_query(ctx, mod, &info);
		if (ret && ret != -ENOENT)
			failed = 1;
		if (ret == -ENOENT && only) {
			fprintf(stderr, "hvnet: module %s is not loaded\n", only);
			failed = 1;
		}
		info_print(ctx, &j, mod, ret, &info);
	}
	if (ctx->json) {
		json_close_array(&j);
		json_end(&j);
	}
	return failed;
}

const struct hv_object hv_info_obj = {
	.name = "info",
	.usage =
	"Usage: hvnet info [ MODULE ]\n"
	"where  MODULE := { vswitch | netvsp | sriov_pf }\n",
	.run = do_info,
};
