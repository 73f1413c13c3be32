// SPDX-License-Identifier: GPL-2.0
/*
 * `hvnet prop`: custom properties of ports and switches, the bytes the
 * extensions read their settings from. prop_request() serves the
 * extensions' own objects (acl, capture, ...), which build the bytes.
 */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <linux/hvnet_vswitch.h>

#include "hvnet.h"

static const struct vsw_policy prop_policy[VSWITCH_A_PROP_MAX + 1] = {
	[VSWITCH_A_PROP_SWITCH_ID] = { MNL_TYPE_U32 },
	[VSWITCH_A_PROP_SWITCH_NAME] = { MNL_TYPE_NUL_STRING },
	[VSWITCH_A_PROP_PORT_ID] = { MNL_TYPE_U32 },
	[VSWITCH_A_PROP_PORT_NAME] = { MNL_TYPE_NUL_STRING },
	[VSWITCH_A_PROP_ID] = { MNL_TYPE_U32 },
	[VSWITCH_A_PROP_INSTANCE] = { MNL_TYPE_U32 },
	[VSWITCH_A_PROP_VERSION] = { MNL_TYPE_U32 },
	[VSWITCH_A_PROP_DATA] = { MNL_TYPE_BINARY },
};

/**
 * prop_parse() - a property message, for the extensions' objects to read
 * @nlh: a prop-get reply or dump message (or a notification)
 * @p: what it says; its strings and data point into @nlh
 *
 * Return: false when the message carries no property id.
 */
bool prop_parse(const struct nlmsghdr *nlh, struct hv_prop *p)
{
	const struct nlattr **tb = p->tb;

	vsw_parse(nlh, prop_policy, VSWITCH_A_PROP_MAX, tb);
	p->port = tb[VSWITCH_A_PROP_PORT_NAME] ? mnl_attr_get_str(tb[VSWITCH_A_PROP_PORT_NAME]) :
		  NULL;
	p->port_id = tb[VSWITCH_A_PROP_PORT_ID] ? mnl_attr_get_u32(tb[VSWITCH_A_PROP_PORT_ID]) : 0;
	p->id = tb[VSWITCH_A_PROP_ID] ? mnl_attr_get_u32(tb[VSWITCH_A_PROP_ID]) : 0;
	p->instance = tb[VSWITCH_A_PROP_INSTANCE] ?
		      mnl_attr_get_u32(tb[VSWITCH_A_PROP_INSTANCE]) : 0;
	p->version = tb[VSWITCH_A_PROP_VERSION] ? mnl_attr_get_u32(tb[VSWITCH_A_PROP_VERSION]) : 0;
	p->data = tb[VSWITCH_A_PROP_DATA] ? mnl_attr_get_payload(tb[VSWITCH_A_PROP_DATA]) : NULL;
	p->len = tb[VSWITCH_A_PROP_DATA] ? mnl_attr_get_payload_len(tb[VSWITCH_A_PROP_DATA]) : 0;
	return tb[VSWITCH_A_PROP_ID];
}

/**
 * prop_dump_req() - a request for the properties of a switch
 * @ctx: the invocation
 * @sw: the switch
 * @port: one of its ports, or NULL for the switch's and all its ports'
 *
 * Return: the request, for vsw_talk() or vsw_show().
 */
struct nlmsghdr *prop_dump_req(struct hv_ctx *ctx, const char *sw, const char *port)
{
	struct nlmsghdr *nlh = vsw_req(ctx, VSWITCH_CMD_PROP_GET, NLM_F_DUMP);

	mnl_attr_put_strz(nlh, VSWITCH_A_PROP_SWITCH_NAME, sw);
	if (port)
		mnl_attr_put_strz(nlh, VSWITCH_A_PROP_PORT_NAME, port);
	return nlh;
}

/* "vs0 port p1 id 0x61636c20 instance 3 version 1 data 0a000001..." */
void prop_print(struct hv_ctx *ctx, const struct nlmsghdr *nlh, enum hv_view view)
{
	struct hv_prop prop;
	const struct nlattr **tb = prop.tb;
	char id[16], *hex;
	const uint8_t *p;
	uint16_t len, i;

	prop_parse(nlh, &prop);
	out_ref(ctx, "switch", "", tb[VSWITCH_A_PROP_SWITCH_NAME], tb[VSWITCH_A_PROP_SWITCH_ID]);
	if (tb[VSWITCH_A_PROP_PORT_NAME] || tb[VSWITCH_A_PROP_PORT_ID])
		out_ref(ctx, "port", "port", tb[VSWITCH_A_PROP_PORT_NAME],
			tb[VSWITCH_A_PROP_PORT_ID]);
	if (tb[VSWITCH_A_PROP_ID]) {
		snprintf(id, sizeof(id), "%#x", mnl_attr_get_u32(tb[VSWITCH_A_PROP_ID]));
		out_str(ctx, "id", "id", id);
	}
	out_attr_uint(ctx, "instance", "instance", tb[VSWITCH_A_PROP_INSTANCE]);
	if (view == HV_VIEW_NAME)
		return;
	out_attr_uint(ctx, "version", "version", tb[VSWITCH_A_PROP_VERSION]);
	if (tb[VSWITCH_A_PROP_DATA]) {
		len = mnl_attr_get_payload_len(tb[VSWITCH_A_PROP_DATA]);
		p = mnl_attr_get_payload(tb[VSWITCH_A_PROP_DATA]);
		hex = malloc(2 * (size_t)len + 1);
		if (hex) {
			for (i = 0; i < len; i++)
				sprintf(hex + 2 * i, "%02x", p[i]);
			hex[2 * len] = '\0';
			out_str(ctx, "data", "data", len ? hex : "-");
			free(hex);
		}
	}
	if (view == HV_VIEW_SHOW)
		out_eol(ctx);
}

/**
 * prop_request() - add, change or delete a custom property
 * @ctx: the invocation
 * @cmd: VSWITCH_CMD_PROP_NEW, _SET or _DEL
 * @sw: the switch
 * @port: the port, or NULL for a property of the switch
 * @id: property id
 * @instance: its instance
 * @version: the data's version (not sent with _DEL)
 * @data: the bytes (not sent with _DEL)
 * @len: their length
 *
 * Return: the exit code; the kernel's message is printed on failure.
 */
int prop_request(struct hv_ctx *ctx, uint8_t cmd, const char *sw, const char *port,
		 uint32_t id, uint32_t instance, uint32_t version, const void *data,
		 size_t len)
{
	struct nlmsghdr *nlh = vsw_req(ctx, cmd, 0);

	mnl_attr_put_strz(nlh, VSWITCH_A_PROP_SWITCH_NAME, sw);
	if (port)
		mnl_attr_put_strz(nlh, VSWITCH_A_PROP_PORT_NAME, port);
	mnl_attr_put_u32(nlh, VSWITCH_A_PROP_ID, id);
	mnl_attr_put_u32(nlh, VSWITCH_A_PROP_INSTANCE, instance);
	if (cmd != VSWITCH_CMD_PROP_DEL) {
		mnl_attr_put_u32(nlh, VSWITCH_A_PROP_VERSION, version);
		mnl_attr_put(nlh, VSWITCH_A_PROP_DATA, len, data);
	}
	return vsw_talk(ctx, nlh, NULL, NULL);
}

/* A number in C syntax (0x hex, decimal) up to UINT32_MAX. */
static int prop_number(struct hv_ctx *ctx, struct hv_args *a, const char *kw, uint32_t *val)
{
	unsigned long long v;
	const char *s;
	char *end;
	int ret;

	ret = arg_value(ctx, a, kw, &s);
	if (ret)
		return ret;
	errno = 0;
	v = strtoull(s, &end, 0);
	if (!*s || *end || errno || v > UINT32_MAX || *s == '-')
		return hv_usage(ctx, "%s \"%s\" is not a number of 32 bits", kw, s);
	*val = v;
	return 0;
}

/* Hex digits, two per byte, into @buf of @size: the length, or -1. */
static int prop_hex(const char *s, uint8_t *buf, size_t size)
{
	size_t n = strlen(s), i;
	unsigned int byte;

	if (n % 2 || n / 2 > size)
		return -1;
	for (i = 0; i < n / 2; i++) {
		if (sscanf(s + 2 * i, "%2x", &byte) != 1 ||
		    !strchr("0123456789abcdefABCDEF", s[2 * i]) ||
		    !strchr("0123456789abcdefABCDEF", s[2 * i + 1]))
			return -1;
		buf[i] = byte;
	}
	return n / 2;
}

enum { PR_PORT, PR_ID, PR_INSTANCE, PR_VERSION, PR_DATA };

static const char *const prop_opt_names[] = {
	[PR_PORT] = "port",
	[PR_ID] = "id",
	[PR_INSTANCE] = "instance",
	[PR_VERSION] = "version",
	[PR_DATA] = "data",
};

static const struct hv_names prop_opts = { prop_opt_names, ARRAY_SIZE(prop_opt_names) };

struct prop_args {
	const char *sw;
	const char *port;
	uint32_t id, instance, version;
	uint8_t data[VSWITCH_PROP_MAX_LEN];
	int len;
};

static int prop_opt(struct hv_ctx *ctx, struct hv_args *a, int opt, void *data)
{
	struct prop_args *pa = data;
	const char *s;
	int ret;

	switch (opt) {
	case PR_PORT:
		return arg_name(ctx, a, "port", &pa->port);
	case PR_ID:
		return prop_number(ctx, a, "id", &pa->id);
	case PR_INSTANCE:
		return prop_number(ctx, a, "instance", &pa->instance);
	case PR_VERSION:
		return prop_number(ctx, a, "version", &pa->version);
	default:
		ret = arg_value(ctx, a, "data", &s);
		if (ret)
			return ret;
		pa->len = prop_hex(s, pa->data, sizeof(pa->data));
		if (pa->len < 0)
			return hv_usage(ctx, "data is hex digits, two per byte, at most %d bytes",
					VSWITCH_PROP_MAX_LEN);
		return 0;
	}
}

static int prop_change(struct hv_ctx *ctx, struct hv_args *a, uint8_t cmd)
{
	unsigned int allowed = HV_OPT(PR_PORT) | HV_OPT(PR_ID) | HV_OPT(PR_INSTANCE);
	static struct prop_args pa;
	unsigned int seen;
	int ret;

	memset(&pa, 0, sizeof(pa));
	if (cmd != VSWITCH_CMD_PROP_DEL)
		allowed |= HV_OPT(PR_VERSION) | HV_OPT(PR_DATA);
	ret = arg_name(ctx, a, "SWITCH", &pa.sw);
	if (!ret)
		ret = arg_options(ctx, a, &prop_opts, allowed, &seen, prop_opt, &pa);
	if (ret)
		return ret;
	if (!(seen & HV_OPT(PR_ID)))
		return hv_usage(ctx, "missing \"id ID\"");
	return prop_request(ctx, cmd, pa.sw, pa.port, pa.id, pa.instance, pa.version,
			    pa.data, pa.len);
}

static int prop_add(struct hv_ctx *ctx, struct hv_args *a)
{
	return prop_change(ctx, a, VSWITCH_CMD_PROP_NEW);
}

static int prop_set(struct hv_ctx *ctx, struct hv_args *a)
{
	return prop_change(ctx, a, VSWITCH_CMD_PROP_SET);
}

static int prop_del(struct hv_ctx *ctx, struct hv_args *a)
{
	return prop_change(ctx, a, VSWITCH_CMD_PROP_DEL);
}

static int prop_show(struct hv_ctx *ctx, struct hv_args *a)
{
	const char *sw, *port = NULL;
	struct nlmsghdr *nlh;
	int ret;

	ret = arg_name(ctx, a, "SWITCH", &sw);
	if (!ret && a->argc)
		ret = arg_name(ctx, a, "port", &port) ? HV_EXIT_USAGE :
		      matches(port, "port") ? arg_name(ctx, a, "PORT", &port) :
		      hv_usage(ctx, "unexpected \"%s\"", port);
	if (!ret)
		ret = arg_end(ctx, a);
	if (ret)
		return ret;
	nlh = prop_dump_req(ctx, sw, port);
	return vsw_show(ctx, nlh, prop_print);
}

static const struct hv_cmd prop_cmds[] = {
	{ "show", prop_show },
	{ "add", prop_add },
	{ "set", prop_set },
	{ "delete", prop_del },
};

const struct hv_object hv_prop_obj = {
	.name = "prop",
	.usage =
	"Usage: hvnet prop show SWITCH [ port PORT ]\n"
	"       hvnet prop { add | set } SWITCH [ port PORT ] id ID [ instance N ]\n"
	"                      [ version V ] [ data HEX ]\n"
	"       hvnet prop del SWITCH [ port PORT ] id ID [ instance N ]\n"
	"where  ID, N and V are numbers (0x for hex); HEX is two digits per byte.\n"
	"       Without a port, the property is the switch's.\n",
	.cmds = prop_cmds,
	.ncmds = ARRAY_SIZE(prop_cmds),
};
