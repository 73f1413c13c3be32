// SPDX-License-Identifier: GPL-2.0
/*
 * Output of the hvnet command: every field is written once, and comes out
 * as "label value" text (iproute2 style) or as a JSON member.
 */
#include <stdarg.h>
#include <stdio.h>
#include <string.h>
#include <linux/hvnet_vswitch.h>

#include "hvnet.h"

/* Text: the space between fields. */
static void out_sep(struct hv_ctx *ctx)
{
	if (!ctx->bol)
		putchar(' ');
	ctx->bol = false;
}

/* Text: "label " before a value, nothing for a bare value. */
static bool out_label(struct hv_ctx *ctx, const char *label)
{
	if (ctx->json || !label)
		return false;
	out_sep(ctx);
	if (*label)
		printf("%s ", label);
	return true;
}

void out_str(struct hv_ctx *ctx, const char *key, const char *label,
	     const char *val)
{
	if (ctx->json && key)
		json_string(&ctx->jw, key, val);
	else if (out_label(ctx, label))
		fputs(val, stdout);
}

void out_uint(struct hv_ctx *ctx, const char *key, const char *label,
	      uint64_t val)
{
	if (ctx->json && key)
		json_uint(&ctx->jw, key, val);
	else if (out_label(ctx, label))
		printf("%llu", (unsigned long long)val);
}

void out_number(struct hv_ctx *ctx, const char *key, const char *label,
		const char *val, const char *unit)
{
	if (ctx->json && key)
		json_number(&ctx->jw, key, val);
	else if (out_label(ctx, label))
		printf("%s%s", val, unit);
}

void out_text(struct hv_ctx *ctx, const char *fmt, ...)
{
	va_list ap;

	if (ctx->json)
		return;
	out_sep(ctx);
	va_start(ap, fmt);
	vprintf(fmt, ap);
	va_end(ap);
}

void out_indent(struct hv_ctx *ctx, int n)
{
	if (ctx->json)
		return;
	printf("%*s", n, "");
	ctx->bol = true;
}

void out_eol(struct hv_ctx *ctx)
{
	if (ctx->json)
		return;
	putchar('\n');
	ctx->bol = true;
}

void out_open(struct hv_ctx *ctx, const char *key, const char *label)
{
	if (ctx->json)
		json_open_object(&ctx->jw, key);
	else if (label)
		out_text(ctx, "%s", label);
}

void out_close(struct hv_ctx *ctx)
{
	if (ctx->json)
		json_close_object(&ctx->jw);
}

void out_open_array(struct hv_ctx *ctx, const char *key)
{
	if (ctx->json)
		json_open_array(&ctx->jw, key);
}

void out_close_array(struct hv_ctx *ctx)
{
	if (ctx->json)
		json_close_array(&ctx->jw);
}

void out_attr_str(struct hv_ctx *ctx, const char *key, const char *label,
		  const struct nlattr *attr)
{
	if (attr)
		out_str(ctx, key, label, mnl_attr_get_str(attr));
}

/* u8, u16, u32 and u64 attributes alike (the policy checked the size). */
static uint64_t attr_uint(const struct nlattr *attr)
{
	switch (mnl_attr_get_payload_len(attr)) {
	case 1:
		return mnl_attr_get_u8(attr);
	case 2:
		return mnl_attr_get_u16(attr);
	case 4:
		return mnl_attr_get_u32(attr);
	default:
		return mnl_attr_get_u64(attr);
	}
}

void out_attr_uint(struct hv_ctx *ctx, const char *key, const char *label,
		   const struct nlattr *attr)
{
	if (attr)
		out_uint(ctx, key, label, attr_uint(attr));
}

void out_attr_enum(struct hv_ctx *ctx, const char *key, const char *label,
		   const struct hv_names *t, const struct nlattr *attr)
{
	const char *name;

	if (!attr)
		return;
	name = hv_name(t, attr_uint(attr));
	if (name)
		out_str(ctx, key, label, name);
	else
		out_uint(ctx, key, label, attr_uint(attr));
}

void out_attr_mac(struct hv_ctx *ctx, const char *key, const char *label,
		  const struct nlattr *attr)
{
	char mac[HV_MAC_STR_LEN];

	if (!attr)
		return;
	format_mac(mnl_attr_get_payload(attr), mac);
	out_str(ctx, key, label, mac);
}

void out_ref(struct hv_ctx *ctx, const char *key, const char *label,
	     const struct nlattr *name, const struct nlattr *id)
{
	char id_key[32], id_label[32];

	snprintf(id_key, sizeof(id_key), "%s_id", key);
	snprintf(id_label, sizeof(id_label), "%s-id", label && *label ? label : key);
	out_attr_str(ctx, key, label, name);
	out_attr_uint(ctx, id_key, name || !label ? NULL : id_label, id);
}

/* ---- statistics ---- */

static const struct vsw_policy stats_policy[VSWITCH_A_STATS_MAX + 1] = {
	[VSWITCH_A_STATS_RX_PACKETS ... VSWITCH_A_STATS_MAX] = { MNL_TYPE_U64 },
};

/* The text block: one row of columns per group of counters. */
static const struct stats_row {
	const char *title;
	unsigned int attrs[8];	/* ends at the first 0 */
} stats_rows[] = {
	{ "RX:", { VSWITCH_A_STATS_RX_PACKETS, VSWITCH_A_STATS_RX_BYTES,
		   VSWITCH_A_STATS_FLOODED } },
	{ "TX:", { VSWITCH_A_STATS_TX_PACKETS, VSWITCH_A_STATS_TX_BYTES } },
	{ "drop:", { VSWITCH_A_STATS_DROP_STATE, VSWITCH_A_STATS_DROP_VLAN,
		     VSWITCH_A_STATS_DROP_NO_DEST, VSWITCH_A_STATS_DROP_MTU,
		     VSWITCH_A_STATS_DROP_LEARN_LIMIT,
		     VSWITCH_A_STATS_DROP_NOMEM,
		     VSWITCH_A_STATS_DROP_MALFORMED } },
	{ "policy:", { VSWITCH_A_STATS_DROP_MAC_GUARD, VSWITCH_A_STATS_DROP_DHCP_GUARD,
		       VSWITCH_A_STATS_DROP_ROUTER_GUARD, VSWITCH_A_STATS_DROP_STORM,
		       VSWITCH_A_STATS_DROP_PVLAN, VSWITCH_A_STATS_DROP_EXT,
		       VSWITCH_A_STATS_DROP_SRC_MAC, VSWITCH_A_STATS_DROP_LINK_LOCAL } },
};

/* A counter's column title: its name without the rx-/tx-/drop- prefix. */
static const char *stats_label(unsigned int type)
{
	const char *name = hv_name(&hv_stats_names, type);
	const char *dash = strchr(name, '-');

	return dash ? dash + 1 : name;
}

static void stats_text_row(const struct stats_row *row, const struct nlattr **tb,
			   int indent)
{
	char val[ARRAY_SIZE(row->attrs)][24];
	int width[ARRAY_SIZE(row->attrs)];
	unsigned int i, n;

	for (n = 0; n < ARRAY_SIZE(row->attrs) && row->attrs[n]; n++) {
		const struct nlattr *attr = tb[row->attrs[n]];
		int len = strlen(stats_label(row->attrs[n]));

		if (attr)
			snprintf(val[n], sizeof(val[n]), "%llu",
				 (unsigned long long)mnl_attr_get_u64(attr));
		else
			snprintf(val[n], sizeof(val[n]), "-");
		width[n] = (int)strlen(val[n]) > len ? (int)strlen(val[n]) : len;
	}
	printf("%*s%-5s", indent, "", row->title);
	for (i = 0; i < n; i++)
		printf(" %*s", width[i], stats_label(row->attrs[i]));
	printf("\n%*s%-5s", indent, "", "");
	for (i = 0; i < n; i++)
		printf(" %*s", width[i], val[i]);
	putchar('\n');
}

void out_stats(struct hv_ctx *ctx, const struct nlattr *nest, int indent)
{
	const struct nlattr *tb[VSWITCH_A_STATS_MAX + 1];
	char key[32];
	unsigned int i;

	if (!ctx->stats || !nest)
		return;
	vsw_parse_nest(nest, stats_policy, VSWITCH_A_STATS_MAX, tb);
	if (!ctx->json) {
		for (i = 0; i < ARRAY_SIZE(stats_rows); i++)
			stats_text_row(&stats_rows[i], tb, indent);
		return;
	}
	json_open_object(&ctx->jw, "stats");
	for (i = 0; i <= VSWITCH_A_STATS_MAX; i++) {
		if (!tb[i] || !hv_name(&hv_stats_names, i))
			continue;
		snake_case(hv_name(&hv_stats_names, i), key, sizeof(key));
		json_uint(&ctx->jw, key, mnl_attr_get_u64(tb[i]));
	}
	json_close_object(&ctx->jw);
}
