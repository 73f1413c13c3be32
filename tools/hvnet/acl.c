// SPDX-License-Identifier: GPL-2.0
/*
 * `hvnet acl`: port ACLs and extended port ACLs, the rules of the acl
 * extension (vswitch_acl.ko). A rule is a custom property of its port (the
 * vswitch family's prop-new, -del, -get) whose bytes this file builds and
 * reads (linux/hvnet_ext_acl.h); a new rule takes the lowest free
 * instance. What the extension counted, and the sessions of stateful
 * rules, come from the vswitch_acl family.
 */
#include <arpa/inet.h>
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <linux/genetlink.h>
#include <linux/hvnet_ext_acl.h>
#include <linux/hvnet_vswitch.h>
#include <linux/hvnet_vswitch_acl.h>

#include "hvnet.h"

/* ---- names ---- */

static const char *const acl_dir_names[] = {
	[HVNET_ACL_DIR_IN] = "in",
	[HVNET_ACL_DIR_OUT] = "out",
	[HVNET_ACL_DIR_BOTH] = "both",
};

static const struct hv_names acl_dirs = { acl_dir_names, ARRAY_SIZE(acl_dir_names) };
static const struct hv_names acl_xdirs = { acl_dir_names, HVNET_ACL_DIR_OUT + 1 };

static const char *const acl_action_names[] = {
	[HVNET_ACL_ACTION_ALLOW] = "allow",
	[HVNET_ACL_ACTION_DENY] = "deny",
	[HVNET_ACL_ACTION_METER] = "meter",
};

static const struct hv_names acl_actions = { acl_action_names, ARRAY_SIZE(acl_action_names) };
static const struct hv_names acl_xactions = { acl_action_names, HVNET_ACL_ACTION_DENY + 1 };

static const char *const acl_side_names[] = {
	[HVNET_ACL_SIDE_LOCAL] = "local",
	[HVNET_ACL_SIDE_REMOTE] = "remote",
};

static const char *const acl_type_names[] = {
	[HVNET_ACL_TYPE_MAC] = "mac",
	[HVNET_ACL_TYPE_IPV4] = "ip",
	[HVNET_ACL_TYPE_IPV6] = "ip6",
};

static const struct {
	const char *name;
	uint8_t proto;
} acl_protos[] = {
	{ "icmp", 1 }, { "tcp", 6 }, { "udp", 17 }, { "icmpv6", 58 }, { "sctp", 132 },
};

static const char *acl_proto_name(uint8_t proto)
{
	size_t i;

	for (i = 0; i < ARRAY_SIZE(acl_protos); i++)
		if (acl_protos[i].proto == proto)
			return acl_protos[i].name;
	return NULL;
}

/* ---- addresses and ports ---- */

/*
 * ADDR[/LEN] of family @af (AF_INET, AF_INET6) into @addr (16 bytes, zero
 * beyond the address); without /LEN the whole address. 0 or the exit code.
 */
static int acl_parse_prefix(struct hv_ctx *ctx, const char *kw, const char *s, int af,
			    uint8_t *addr, uint8_t *len)
{
	unsigned int bits = af == AF_INET ? 32 : 128;
	char buf[INET6_ADDRSTRLEN + 8];
	uint32_t plen = bits;
	char *slash;

	snprintf(buf, sizeof(buf), "%s", s);
	slash = strchr(buf, '/');
	if (slash) {
		*slash = '\0';
		if (parse_uint(slash + 1, bits, &plen))
			return hv_usage(ctx, "%s \"%s\": the prefix length is 0-%u", kw, s, bits);
	}
	memset(addr, 0, 16);
	if (inet_pton(af, buf, addr) != 1)
		return hv_usage(ctx, "%s \"%s\" is not an %s address or prefix", kw, s,
				af == AF_INET ? "IPv4" : "IPv6");
	*len = plen;
	return 0;
}

/* An IPv4 or IPv6 prefix, whichever it is: its family (4 or 6) in *family. */
static int acl_parse_any_prefix(struct hv_ctx *ctx, const char *kw, const char *s,
				uint8_t *family, uint8_t *addr, uint8_t *len)
{
	int af = strchr(s, ':') ? AF_INET6 : AF_INET;

	*family = af == AF_INET ? HVNET_XACL_FAMILY_IPV4 : HVNET_XACL_FAMILY_IPV6;
	return acl_parse_prefix(ctx, kw, s, af, addr, len);
}

/* MAC[/LEN], or "any" (/0) */
static int acl_parse_mac(struct hv_ctx *ctx, const char *s, uint8_t *addr, uint8_t *len)
{
	char buf[32];
	uint32_t plen = 48;
	char *slash;

	memset(addr, 0, 16);
	if (!strcmp(s, "any")) {
		*len = 0;
		return 0;
	}
	snprintf(buf, sizeof(buf), "%s", s);
	slash = strchr(buf, '/');
	if (slash) {
		*slash = '\0';
		if (parse_uint(slash + 1, 48, &plen))
			return hv_usage(ctx, "mac \"%s\": the prefix length is 0-48", s);
	}
	if (parse_mac(buf, addr))
		return hv_usage(ctx, "mac \"%s\" is not a MAC address (xx:xx:xx:xx:xx:xx[/LEN])",
				s);
	*len = plen;
	return 0;
}

/* P or P-Q into a range */
static int acl_parse_ports(struct hv_ctx *ctx, const char *kw, const char *s,
			   uint16_t *min, uint16_t *max)
{
	char buf[16], *dash;
	uint32_t lo, hi;

	snprintf(buf, sizeof(buf), "%s", s);
	dash = strchr(buf, '-');
	if (dash)
		*dash = '\0';
	if (parse_uint(buf, 65535, &lo) || (dash && parse_uint(dash + 1, 65535, &hi)) ||
	    strlen(s) >= sizeof(buf))
		return hv_usage(ctx, "%s \"%s\" is not a port (0-65535) or range P-Q", kw, s);
	*min = lo;
	*max = dash ? hi : lo;
	return 0;
}

static void acl_format_prefix(int af, const uint8_t *addr, unsigned int len,
			      unsigned int bits, char *buf, size_t size)
{
	char a[INET6_ADDRSTRLEN];

	inet_ntop(af, addr, a, sizeof(a));
	if (len == bits)
		snprintf(buf, size, "%s", a);
	else
		snprintf(buf, size, "%s/%u", a, len);
}

/* ---- the rules of a switch, as its properties ---- */

struct acl_item {
	uint32_t port_id;
	char port[VSWITCH_NAME_LEN];
	uint32_t id;
	uint32_t instance;
	uint32_t version;
	uint16_t len;
	union {
		struct hvnet_acl_rule acl;
		struct hvnet_xacl_rule xacl;
		uint8_t raw[64];
	} data;
	bool counted;
	uint64_t packets, bytes;
	bool has_flows;
	uint32_t flows;
};

struct acl_list {
	struct acl_item *items;
	size_t n, cap;
};

static int acl_prop_cb(const struct nlmsghdr *nlh, void *data)
{
	struct acl_list *list = data;
	struct acl_item *it;
	struct hv_prop p;

	if (!prop_parse(nlh, &p) || !p.port_id ||
	    (p.id != HVNET_ACL_PROP_ID && p.id != HVNET_XACL_PROP_ID))
		return MNL_CB_OK;
	if (list->n == list->cap) {
		size_t cap = list->cap ? 2 * list->cap : 64;
		struct acl_item *items = realloc(list->items, cap * sizeof(*items));

		if (!items) {
			errno = ENOMEM;
			return MNL_CB_ERROR;
		}
		list->items = items;
		list->cap = cap;
	}
	it = &list->items[list->n++];
	memset(it, 0, sizeof(*it));
	it->port_id = p.port_id;
	if (p.port)
		snprintf(it->port, sizeof(it->port), "%s", p.port);
	it->id = p.id;
	it->instance = p.instance;
	it->version = p.version;
	it->len = p.len;
	if (p.data)
		memcpy(it->data.raw, p.data,
		       p.len < sizeof(it->data.raw) ? p.len : sizeof(it->data.raw));
	return MNL_CB_OK;
}

/* The rules of a switch (of one port, if @port is not NULL). */
static int acl_list_rules(struct hv_ctx *ctx, const char *sw, const char *port,
			  struct acl_list *list)
{
	memset(list, 0, sizeof(*list));
	return vsw_talk(ctx, prop_dump_req(ctx, sw, port), acl_prop_cb, list);
}

static bool acl_item_valid(const struct acl_item *it)
{
	return it->version == HVNET_ACL_VERSION &&
	       it->len == (it->id == HVNET_ACL_PROP_ID ? sizeof(struct hvnet_acl_rule) :
			   sizeof(struct hvnet_xacl_rule));
}

/* The lowest instance (from 1) no rule of @id on the port has. */
static uint32_t acl_free_instance(const struct acl_list *list, uint32_t id)
{
	uint32_t inst = 1;
	size_t i;

again:
	for (i = 0; i < list->n; i++) {
		if (list->items[i].id == id && list->items[i].instance == inst) {
			inst++;
			goto again;
		}
	}
	return inst;
}

/* The instance of a rule of @id whose bytes are @data, or 0. */
static uint32_t acl_find(const struct acl_list *list, uint32_t id, const void *data, size_t len)
{
	size_t i;

	for (i = 0; i < list->n; i++)
		if (list->items[i].id == id && list->items[i].len == len &&
		    !memcmp(list->items[i].data.raw, data, len))
			return list->items[i].instance;
	return 0;
}

/* ---- the vswitch_acl family ---- */

/* Send a request of the vswitch_acl family; -ENOENT when it is not loaded. */
static int acl_talk(struct hv_ctx *ctx, struct nlmsghdr *nlh, mnl_cb_t cb, void *data)
{
	uint16_t family;
	int ret;

	ret = nl_family_id(&ctx->nl, VSWITCH_ACL_FAMILY_NAME, &family);
	if (ret)
		return ret;
	nlh->nlmsg_type = family;
	return nl_talk(&ctx->nl, nlh, cb, data);
}

static const struct vsw_policy acl_rule_policy[VSWITCH_ACL_A_RULE_MAX + 1] = {
	[VSWITCH_ACL_A_RULE_PORT_ID] = { MNL_TYPE_U32 },
	[VSWITCH_ACL_A_RULE_PROP_ID] = { MNL_TYPE_U32 },
	[VSWITCH_ACL_A_RULE_INSTANCE] = { MNL_TYPE_U32 },
	[VSWITCH_ACL_A_RULE_PACKETS] = { MNL_TYPE_U64 },
	[VSWITCH_ACL_A_RULE_BYTES] = { MNL_TYPE_U64 },
	[VSWITCH_ACL_A_RULE_FLOWS] = { MNL_TYPE_U32 },
};

static int acl_counter_cb(const struct nlmsghdr *nlh, void *data)
{
	const struct nlattr *tb[VSWITCH_ACL_A_RULE_MAX + 1];
	struct acl_list *list = data;
	uint32_t port, id, inst;
	size_t i;

	vsw_parse(nlh, acl_rule_policy, VSWITCH_ACL_A_RULE_MAX, tb);
	if (!tb[VSWITCH_ACL_A_RULE_PORT_ID] || !tb[VSWITCH_ACL_A_RULE_PROP_ID] ||
	    !tb[VSWITCH_ACL_A_RULE_INSTANCE])
		return MNL_CB_OK;
	port = mnl_attr_get_u32(tb[VSWITCH_ACL_A_RULE_PORT_ID]);
	id = mnl_attr_get_u32(tb[VSWITCH_ACL_A_RULE_PROP_ID]);
	inst = mnl_attr_get_u32(tb[VSWITCH_ACL_A_RULE_INSTANCE]);
	for (i = 0; i < list->n; i++) {
		struct acl_item *it = &list->items[i];

		if (it->port_id != port || it->id != id || it->instance != inst)
			continue;
		it->counted = true;
		if (tb[VSWITCH_ACL_A_RULE_PACKETS])
			it->packets = mnl_attr_get_u64(tb[VSWITCH_ACL_A_RULE_PACKETS]);
		if (tb[VSWITCH_ACL_A_RULE_BYTES])
			it->bytes = mnl_attr_get_u64(tb[VSWITCH_ACL_A_RULE_BYTES]);
		if (tb[VSWITCH_ACL_A_RULE_FLOWS]) {
			it->has_flows = true;
			it->flows = mnl_attr_get_u32(tb[VSWITCH_ACL_A_RULE_FLOWS]);
		}
	}
	return MNL_CB_OK;
}

/* Fill in the counters; says why when there are none to read. */
static void acl_read_counters(struct hv_ctx *ctx, const char *sw, const char *port,
			      struct acl_list *list)
{
	struct nlmsghdr *nlh = nl_req(&ctx->nl, 0, VSWITCH_ACL_CMD_RULE_GET, NLM_F_DUMP);
	int ret;

	mnl_attr_put_strz(nlh, VSWITCH_ACL_A_RULE_SWITCH_NAME, sw);
	if (port)
		mnl_attr_put_strz(nlh, VSWITCH_ACL_A_RULE_PORT_NAME, port);
	ret = acl_talk(ctx, nlh, acl_counter_cb, list);
	if (ret == -ENOENT && !ctx->nl.ext_msg[0])
		fprintf(stderr, "hvnet: no counters: the vswitch_acl module is not loaded\n");
	else if (ret)
		fprintf(stderr, "hvnet: no counters: %s\n",
			ctx->nl.ext_msg[0] ? ctx->nl.ext_msg : strerror(-ret));
}

/* ---- printing ---- */

static void acl_print_port_rule(struct hv_ctx *ctx, const struct hvnet_acl_rule *r)
{
	const char *type = hv_name(&(struct hv_names){ acl_type_names,
						       ARRAY_SIZE(acl_type_names) }, r->type);
	char addr[INET6_ADDRSTRLEN + 8], mac[HV_MAC_STR_LEN];

	out_str(ctx, "dir", "dir", hv_name(&acl_dirs, r->direction) ?: "?");
	out_str(ctx, "action", "action", hv_name(&acl_actions, r->action) ?: "?");
	switch (r->type) {
	case HVNET_ACL_TYPE_MAC:
		format_mac(r->addr, mac);
		if (!r->prefix_len)
			snprintf(addr, sizeof(addr), "any");
		else if (r->prefix_len == 48)
			snprintf(addr, sizeof(addr), "%s", mac);
		else
			snprintf(addr, sizeof(addr), "%s/%u", mac, r->prefix_len);
		break;
	case HVNET_ACL_TYPE_IPV4:
		acl_format_prefix(AF_INET, r->addr, r->prefix_len, 32, addr, sizeof(addr));
		break;
	case HVNET_ACL_TYPE_IPV6:
		acl_format_prefix(AF_INET6, r->addr, r->prefix_len, 128, addr, sizeof(addr));
		break;
	default:
		snprintf(addr, sizeof(addr), "?");
	}
	if (ctx->json) {
		out_str(ctx, "type", NULL, type ?: "?");
		out_str(ctx, "address", NULL, addr);
	} else {
		out_str(ctx, NULL, type ?: "?", addr);
	}
	out_str(ctx, "side", "", r->side < ARRAY_SIZE(acl_side_names) &&
		acl_side_names[r->side] ? acl_side_names[r->side] : "?");
}

static void acl_print_ports(struct hv_ctx *ctx, const char *key, const char *label,
			    uint16_t min, uint16_t max)
{
	char buf[16];

	if (!min && !max)
		return;
	if (min == max)
		snprintf(buf, sizeof(buf), "%u", min);
	else
		snprintf(buf, sizeof(buf), "%u-%u", min, max);
	out_str(ctx, key, label, buf);
}

static void acl_print_ext_rule(struct hv_ctx *ctx, const struct hvnet_xacl_rule *r)
{
	int af = r->family == HVNET_XACL_FAMILY_IPV6 ? AF_INET6 : AF_INET;
	unsigned int bits = af == AF_INET ? 32 : 128;
	char addr[INET6_ADDRSTRLEN + 8], num[8];
	const char *proto;

	out_str(ctx, "dir", "dir", hv_name(&acl_dirs, r->direction) ?: "?");
	out_str(ctx, "action", "action", hv_name(&acl_actions, r->action) ?: "?");
	out_uint(ctx, "weight", "weight", r->weight);
	if (r->protocol) {
		proto = acl_proto_name(r->protocol);
		if (!proto) {
			snprintf(num, sizeof(num), "%u", r->protocol);
			proto = num;
		}
		out_str(ctx, "protocol", "proto", proto);
	}
	if (r->family) {
		acl_format_prefix(af, r->local_addr, r->local_prefix_len, bits, addr, sizeof(addr));
		out_str(ctx, "local", "local", addr);
		acl_format_prefix(af, r->remote_addr, r->remote_prefix_len, bits, addr,
				  sizeof(addr));
		out_str(ctx, "remote", "remote", addr);
	}
	acl_print_ports(ctx, "local_port", "lport", r->local_port_min, r->local_port_max);
	acl_print_ports(ctx, "remote_port", "rport", r->remote_port_min, r->remote_port_max);
	if (r->flags & HVNET_XACL_F_STATEFUL) {
		if (ctx->json)
			json_bool(&ctx->jw, "stateful", true);
		else
			out_text(ctx, "stateful");
		out_uint(ctx, "timeout", "timeout",
			 r->idle_timeout ? r->idle_timeout : HVNET_XACL_DEFAULT_TIMEOUT);
	}
}

static void acl_print_item(struct hv_ctx *ctx, const struct acl_item *it)
{
	bool ext = it->id == HVNET_XACL_PROP_ID;

	if (ctx->json) {
		json_open_object(&ctx->jw, NULL);
		json_string(&ctx->jw, "port", it->port);
		json_uint(&ctx->jw, "port_id", it->port_id);
		json_string(&ctx->jw, "kind", ext ? "xacl" : "acl");
		json_uint(&ctx->jw, "rule", it->instance);
	} else {
		out_str(ctx, NULL, "", it->port[0] ? it->port : "?");
		out_uint(ctx, NULL, ext ? "xacl" : "acl", it->instance);
	}
	if (!acl_item_valid(it)) {
		out_text(ctx, "invalid (version %u, %u bytes)", it->version, it->len);
		if (ctx->json)
			json_bool(&ctx->jw, "valid", false);
	} else if (ext) {
		acl_print_ext_rule(ctx, &it->data.xacl);
	} else {
		acl_print_port_rule(ctx, &it->data.acl);
	}
	out_eol(ctx);
	if (ctx->stats && it->counted) {
		out_indent(ctx, 4);
		out_open(ctx, "stats", NULL);
		out_uint(ctx, "packets", "packets", it->packets);
		out_uint(ctx, "bytes", "bytes", it->bytes);
		if (it->has_flows)
			out_uint(ctx, "flows", "flows", it->flows);
		out_close(ctx);
		out_eol(ctx);
	}
	if (ctx->json)
		json_close_object(&ctx->jw);
}

static int acl_item_cmp(const void *a, const void *b)
{
	const struct acl_item *x = a, *y = b;

	if (x->port_id != y->port_id)
		return x->port_id < y->port_id ? -1 : 1;
	if (x->id != y->id)
		return x->id == HVNET_ACL_PROP_ID ? -1 : 1;
	return x->instance < y->instance ? -1 : x->instance > y->instance;
}

/* ---- commands ---- */

/* SWITCH PORT */
static int acl_sw_port(struct hv_ctx *ctx, struct hv_args *a, const char **sw,
		       const char **port)
{
	int ret = arg_name(ctx, a, "SWITCH", sw);

	return ret ? ret : arg_name(ctx, a, "PORT", port);
}

static int acl_show(struct hv_ctx *ctx, struct hv_args *a)
{
	const char *sw = NULL, *port = NULL;
	struct acl_list list;
	size_t i;
	int ret;

	ret = arg_name(ctx, a, "SWITCH", &sw);
	if (!ret && a->argc)
		ret = arg_name(ctx, a, "PORT", &port);
	if (!ret)
		ret = arg_end(ctx, a);
	if (ret)
		return ret;
	ret = acl_list_rules(ctx, sw, port, &list);
	if (ret)
		goto out;
	qsort(list.items, list.n, sizeof(*list.items), acl_item_cmp);
	if (ctx->stats)
		acl_read_counters(ctx, sw, port, &list);
	if (ctx->json)
		json_open_array(&ctx->jw, NULL);
	for (i = 0; i < list.n; i++)
		acl_print_item(ctx, &list.items[i]);
	if (ctx->json) {
		json_close_array(&ctx->jw);
		json_end(&ctx->jw);
	}
out:
	free(list.items);
	return ret;
}

/* add: dir D action A { mac | ip | ip6 } ADDR [ local | remote ] */
enum { AO_DIR, AO_ACTION, AO_MAC, AO_IP, AO_IP6, AO_LOCAL, AO_REMOTE };

static const char *const acl_opt_names[] = {
	[AO_DIR] = "dir",
	[AO_ACTION] = "action",
	[AO_MAC] = "mac",
	[AO_IP] = "ip",
	[AO_IP6] = "ip6",
	[AO_LOCAL] = "local",
	[AO_REMOTE] = "remote",
};

static const struct hv_names acl_opts = { acl_opt_names, ARRAY_SIZE(acl_opt_names) };

static int acl_opt(struct hv_ctx *ctx, struct hv_args *a, int opt, void *data)
{
	struct hvnet_acl_rule *r = data;
	const char *s;
	uint32_t v;
	int ret;

	switch (opt) {
	case AO_DIR:
		ret = arg_enum(ctx, a, "dir", &acl_dirs, &v);
		r->direction = v;
		return ret;
	case AO_ACTION:
		ret = arg_enum(ctx, a, "action", &acl_actions, &v);
		r->action = v;
		return ret;
	case AO_LOCAL:
	case AO_REMOTE:
		if (r->side)
			return hv_usage(ctx, "local or remote, not both");
		r->side = opt == AO_LOCAL ? HVNET_ACL_SIDE_LOCAL : HVNET_ACL_SIDE_REMOTE;
		return 0;
	default:
		if (r->type)
			return hv_usage(ctx, "one address: mac, ip or ip6");
		ret = arg_value(ctx, a, acl_opt_names[opt], &s);
		if (ret)
			return ret;
		if (opt == AO_MAC) {
			r->type = HVNET_ACL_TYPE_MAC;
			return acl_parse_mac(ctx, s, r->addr, &r->prefix_len);
		}
		r->type = opt == AO_IP ? HVNET_ACL_TYPE_IPV4 : HVNET_ACL_TYPE_IPV6;
		return acl_parse_prefix(ctx, acl_opt_names[opt], s,
					opt == AO_IP ? AF_INET : AF_INET6, r->addr, &r->prefix_len);
	}
}

/* The words of a port ACL into @r; 0 or the exit code. */
static int acl_rule_args(struct hv_ctx *ctx, struct hv_args *a, struct hvnet_acl_rule *r)
{
	unsigned int seen;
	int ret;

	memset(r, 0, sizeof(*r));
	ret = arg_options(ctx, a, &acl_opts, ~0u, &seen, acl_opt, r);
	if (ret)
		return ret;
	if (!(seen & HV_OPT(AO_DIR)))
		return hv_usage(ctx, "missing \"dir in|out|both\"");
	if (!(seen & HV_OPT(AO_ACTION)))
		return hv_usage(ctx, "missing \"action allow|deny|meter\"");
	if (!r->type)
		return hv_usage(ctx, "missing the address: mac MAC, ip PREFIX or ip6 PREFIX");
	if (!r->side)
		r->side = HVNET_ACL_SIDE_REMOTE;
	return 0;
}

static int acl_add(struct hv_ctx *ctx, struct hv_args *a)
{
	struct hvnet_acl_rule r;
	const char *sw, *port;
	struct acl_list list;
	uint32_t inst;
	int ret;

	ret = acl_sw_port(ctx, a, &sw, &port);
	if (!ret)
		ret = acl_rule_args(ctx, a, &r);
	if (ret)
		return ret;
	ret = acl_list_rules(ctx, sw, port, &list);
	if (ret)
		goto out;
	inst = acl_find(&list, HVNET_ACL_PROP_ID, &r, sizeof(r));
	if (inst) {
		fprintf(stderr, "hvnet: port %s has this rule already (acl %u)\n", port, inst);
		ret = HV_EXIT_FAIL;
		goto out;
	}
	ret = prop_request(ctx, VSWITCH_CMD_PROP_NEW, sw, port, HVNET_ACL_PROP_ID,
			   acl_free_instance(&list, HVNET_ACL_PROP_ID), HVNET_ACL_VERSION,
			   &r, sizeof(r));
out:
	free(list.items);
	return ret;
}

/* xadd: the options of an extended ACL */
enum { XO_DIR, XO_ACTION, XO_WEIGHT, XO_PROTO, XO_LOCAL, XO_REMOTE, XO_LPORT, XO_RPORT,
	XO_STATEFUL, XO_TIMEOUT };

static const char *const xacl_opt_names[] = {
	[XO_DIR] = "dir",
	[XO_ACTION] = "action",
	[XO_WEIGHT] = "weight",
	[XO_PROTO] = "proto",
	[XO_LOCAL] = "local",
	[XO_REMOTE] = "remote",
	[XO_LPORT] = "lport",
	[XO_RPORT] = "rport",
	[XO_STATEFUL] = "stateful",
	[XO_TIMEOUT] = "timeout",
};

static const struct hv_names xacl_opts = { xacl_opt_names, ARRAY_SIZE(xacl_opt_names) };

static int xacl_proto(struct hv_ctx *ctx, struct hv_args *a, uint8_t *proto)
{
	const char *s;
	uint32_t v;
	size_t i;
	int ret;

	ret = arg_value(ctx, a, "proto", &s);
	if (ret)
		return ret;
	for (i = 0; i < ARRAY_SIZE(acl_protos); i++) {
		if (!strcmp(s, acl_protos[i].name)) {
			*proto = acl_protos[i].proto;
			return 0;
		}
	}
	if (parse_uint(s, 255, &v) || !v)
		return hv_usage(ctx, "proto \"%s\": tcp, udp, icmp, icmpv6, sctp or 1-255", s);
	*proto = v;
	return 0;
}

static int xacl_opt(struct hv_ctx *ctx, struct hv_args *a, int opt, void *data)
{
	struct hvnet_xacl_rule *r = data;
	uint8_t family, *addr, *len;
	uint16_t min = 0, max = 0;
	const char *s;
	uint32_t v;
	int ret;

	switch (opt) {
	case XO_DIR:
		ret = arg_enum(ctx, a, "dir", &acl_xdirs, &v);
		r->direction = v;
		return ret;
	case XO_ACTION:
		ret = arg_enum(ctx, a, "action", &acl_xactions, &v);
		r->action = v;
		return ret;
	case XO_WEIGHT:
		ret = arg_uint(ctx, a, "weight", 65535, &v);
		r->weight = v;
		return ret;
	case XO_PROTO:
		return xacl_proto(ctx, a, &r->protocol);
	case XO_LOCAL:
	case XO_REMOTE:
		ret = arg_value(ctx, a, xacl_opt_names[opt], &s);
		if (ret)
			return ret;
		addr = opt == XO_LOCAL ? r->local_addr : r->remote_addr;
		len = opt == XO_LOCAL ? &r->local_prefix_len : &r->remote_prefix_len;
		ret = acl_parse_any_prefix(ctx, xacl_opt_names[opt], s, &family, addr, len);
		if (ret)
			return ret;
		if (r->family && r->family != family)
			return hv_usage(ctx, "local and remote must both be IPv4 or both IPv6");
		r->family = family;
		return 0;
	case XO_LPORT:
	case XO_RPORT:
		ret = arg_value(ctx, a, xacl_opt_names[opt], &s);
		if (ret)
			return ret;
		ret = acl_parse_ports(ctx, xacl_opt_names[opt], s, &min, &max);
		if (opt == XO_LPORT) {
			r->local_port_min = min;
			r->local_port_max = max;
		} else {
			r->remote_port_min = min;
			r->remote_port_max = max;
		}
		return ret;
	case XO_STATEFUL:
		r->flags |= HVNET_XACL_F_STATEFUL;
		return 0;
	default:
		ret = arg_uint(ctx, a, "timeout", 65535, &v);
		if (!ret && !v)
			return hv_usage(ctx, "timeout is 1-65535 seconds");
		r->idle_timeout = v;
		return ret;
	}
}

/* The words of an extended ACL into @r (@del: dir and weight only). */
static int xacl_rule_args(struct hv_ctx *ctx, struct hv_args *a, struct hvnet_xacl_rule *r,
			  bool del)
{
	unsigned int seen, allowed = ~0u;
	int ret;

	memset(r, 0, sizeof(*r));
	if (del)
		allowed = HV_OPT(XO_DIR) | HV_OPT(XO_WEIGHT);
	ret = arg_options(ctx, a, &xacl_opts, allowed, &seen, xacl_opt, r);
	if (ret)
		return ret;
	if (!(seen & HV_OPT(XO_DIR)))
		return hv_usage(ctx, "missing \"dir in|out\"");
	if (!del && !(seen & HV_OPT(XO_ACTION)))
		return hv_usage(ctx, "missing \"action allow|deny\"");
	if (!(seen & HV_OPT(XO_WEIGHT)))
		return hv_usage(ctx, "missing \"weight W\"");
	return 0;
}

static int acl_xadd(struct hv_ctx *ctx, struct hv_args *a)
{
	struct hvnet_xacl_rule r;
	const char *sw, *port;
	struct acl_list list;
	int ret;

	ret = acl_sw_port(ctx, a, &sw, &port);
	if (!ret)
		ret = xacl_rule_args(ctx, a, &r, false);
	if (ret)
		return ret;
	ret = acl_list_rules(ctx, sw, port, &list);
	if (!ret)
		ret = prop_request(ctx, VSWITCH_CMD_PROP_NEW, sw, port, HVNET_XACL_PROP_ID,
				   acl_free_instance(&list, HVNET_XACL_PROP_ID),
				   HVNET_ACL_VERSION, &r, sizeof(r));
	free(list.items);
	return ret;
}

/* "rule N": a rule by its number; 0 when the words are not that. */
static int acl_rule_number(struct hv_ctx *ctx, struct hv_args *a, uint32_t *inst)
{
	const char *w = arg_peek(a);
	int ret;

	*inst = 0;
	if (!w || strcmp(w, "rule"))
		return 0;
	arg_next(a);
	ret = arg_uint(ctx, a, "rule", UINT32_MAX, inst);
	if (!ret)
		ret = arg_end(ctx, a);
	if (!ret && !*inst)
		ret = hv_usage(ctx, "rules are numbered from 1");
	return ret;
}

/* del and xdel: by number, or by what the rule is (its words, or dir and weight) */
static int acl_delete(struct hv_ctx *ctx, struct hv_args *a, bool ext)
{
	uint32_t id = ext ? HVNET_XACL_PROP_ID : HVNET_ACL_PROP_ID;
	const char *kind = ext ? "xacl" : "acl";
	struct hvnet_xacl_rule xr;
	struct hvnet_acl_rule r;
	const char *sw, *port;
	struct acl_list list;
	uint32_t inst;
	size_t i;
	int ret;

	ret = acl_sw_port(ctx, a, &sw, &port);
	if (!ret)
		ret = acl_rule_number(ctx, a, &inst);
	if (!ret && !inst)
		ret = ext ? xacl_rule_args(ctx, a, &xr, true) : acl_rule_args(ctx, a, &r);
	if (ret)
		return ret;
	ret = acl_list_rules(ctx, sw, port, &list);
	if (ret)
		goto out;
	if (!inst && !ext) {
		inst = acl_find(&list, id, &r, sizeof(r));
	} else if (!inst) {
		for (i = 0; i < list.n; i++) {
			const struct acl_item *it = &list.items[i];

			if (it->id == id && acl_item_valid(it) &&
			    it->data.xacl.direction == xr.direction &&
			    it->data.xacl.weight == xr.weight)
				inst = it->instance;
		}
	}
	if (!inst) {
		fprintf(stderr, "hvnet: port %s has no such %s rule\n", port, kind);
		ret = HV_EXIT_FAIL;
		goto out;
	}
	ret = prop_request(ctx, VSWITCH_CMD_PROP_DEL, sw, port, id, inst, 0, NULL, 0);
out:
	free(list.items);
	return ret;
}

static int acl_del(struct hv_ctx *ctx, struct hv_args *a)
{
	return acl_delete(ctx, a, false);
}

static int acl_xdel(struct hv_ctx *ctx, struct hv_args *a)
{
	return acl_delete(ctx, a, true);
}

/* ---- sessions ---- */

static const struct vsw_policy acl_flow_policy[VSWITCH_ACL_A_FLOW_MAX + 1] = {
	[VSWITCH_ACL_A_FLOW_PORT_ID] = { MNL_TYPE_U32 },
	[VSWITCH_ACL_A_FLOW_PORT_NAME] = { MNL_TYPE_NUL_STRING },
	[VSWITCH_ACL_A_FLOW_INSTANCE] = { MNL_TYPE_U32 },
	[VSWITCH_ACL_A_FLOW_DIRECTION] = { MNL_TYPE_U8 },
	[VSWITCH_ACL_A_FLOW_FAMILY] = { MNL_TYPE_U8 },
	[VSWITCH_ACL_A_FLOW_PROTOCOL] = { MNL_TYPE_U8 },
	[VSWITCH_ACL_A_FLOW_LOCAL_ADDR] = { MNL_TYPE_BINARY },
	[VSWITCH_ACL_A_FLOW_REMOTE_ADDR] = { MNL_TYPE_BINARY },
	[VSWITCH_ACL_A_FLOW_LOCAL_PORT] = { MNL_TYPE_U16 },
	[VSWITCH_ACL_A_FLOW_REMOTE_PORT] = { MNL_TYPE_U16 },
	[VSWITCH_ACL_A_FLOW_EXPIRES] = { MNL_TYPE_U32 },
	[VSWITCH_ACL_A_FLOW_PACKETS] = { MNL_TYPE_U64 },
};

static void acl_print_endpoint(struct hv_ctx *ctx, const char *key, const char *label,
			       const struct nlattr *addr, const struct nlattr *port)
{
	char a[INET6_ADDRSTRLEN];
	uint16_t len = addr ? mnl_attr_get_payload_len(addr) : 0;

	if (len != 4 && len != 16)
		return;
	inet_ntop(len == 4 ? AF_INET : AF_INET6, mnl_attr_get_payload(addr), a, sizeof(a));
	out_str(ctx, key, label, a);
	if (port && mnl_attr_get_u16(port))
		out_uint(ctx, ctx->json ? (key[0] == 'l' ? "local_port" : "remote_port") : NULL,
			 "port", mnl_attr_get_u16(port));
}

/* "p1 xacl 2 out tcp local 10.0.0.1 port 40000 remote 10.0.0.2 port 22 expires 254.9s packets 9" */
static int acl_flow_cb(const struct nlmsghdr *nlh, void *data)
{
	const struct nlattr *tb[VSWITCH_ACL_A_FLOW_MAX + 1];
	struct hv_ctx *ctx = data;
	char age[HV_AGE_STR_LEN], num[8];
	const char *proto = NULL;

	vsw_parse(nlh, acl_flow_policy, VSWITCH_ACL_A_FLOW_MAX, tb);
	if (ctx->json)
		json_open_object(&ctx->jw, NULL);
	out_ref(ctx, "port", "", tb[VSWITCH_ACL_A_FLOW_PORT_NAME], tb[VSWITCH_ACL_A_FLOW_PORT_ID]);
	out_attr_uint(ctx, "rule", "xacl", tb[VSWITCH_ACL_A_FLOW_INSTANCE]);
	if (tb[VSWITCH_ACL_A_FLOW_DIRECTION]) {
		uint8_t dir = mnl_attr_get_u8(tb[VSWITCH_ACL_A_FLOW_DIRECTION]);

		out_str(ctx, "dir", "", hv_name(&acl_dirs, dir) ?: "?");
	}
	if (tb[VSWITCH_ACL_A_FLOW_PROTOCOL]) {
		uint8_t p = mnl_attr_get_u8(tb[VSWITCH_ACL_A_FLOW_PROTOCOL]);

		proto = acl_proto_name(p);
		if (!proto) {
			snprintf(num, sizeof(num), "%u", p);
			proto = num;
		}
		out_str(ctx, "protocol", "", proto);
	}
	acl_print_endpoint(ctx, "local", "local", tb[VSWITCH_ACL_A_FLOW_LOCAL_ADDR],
			   tb[VSWITCH_ACL_A_FLOW_LOCAL_PORT]);
	acl_print_endpoint(ctx, "remote", "remote", tb[VSWITCH_ACL_A_FLOW_REMOTE_ADDR],
			   tb[VSWITCH_ACL_A_FLOW_REMOTE_PORT]);
	if (tb[VSWITCH_ACL_A_FLOW_EXPIRES]) {
		format_age(mnl_attr_get_u32(tb[VSWITCH_ACL_A_FLOW_EXPIRES]), age, sizeof(age));
		out_number(ctx, "expires", "expires", age, "s");
	}
	out_attr_uint(ctx, "packets", "packets", tb[VSWITCH_ACL_A_FLOW_PACKETS]);
	out_eol(ctx);
	if (ctx->json)
		json_close_object(&ctx->jw);
	return MNL_CB_OK;
}

static const struct vsw_policy acl_table_policy[VSWITCH_ACL_A_TABLE_MAX + 1] = {
	[VSWITCH_ACL_A_TABLE_FLOWS] = { MNL_TYPE_U32 },
	[VSWITCH_ACL_A_TABLE_FLOW_LIMIT] = { MNL_TYPE_U32 },
	[VSWITCH_ACL_A_TABLE_FLOWS_REFUSED] = { MNL_TYPE_U64 },
};

/* "flows 1 limit 65536 refused 0" */
static int acl_table_cb(const struct nlmsghdr *nlh, void *data)
{
	const struct nlattr *tb[VSWITCH_ACL_A_TABLE_MAX + 1];
	struct hv_ctx *ctx = data;

	vsw_parse(nlh, acl_table_policy, VSWITCH_ACL_A_TABLE_MAX, tb);
	out_attr_uint(ctx, "flows", "flows", tb[VSWITCH_ACL_A_TABLE_FLOWS]);
	out_attr_uint(ctx, "flow_limit", "limit", tb[VSWITCH_ACL_A_TABLE_FLOW_LIMIT]);
	out_attr_uint(ctx, "flows_refused", "refused", tb[VSWITCH_ACL_A_TABLE_FLOWS_REFUSED]);
	out_eol(ctx);
	return MNL_CB_OK;
}

static int acl_family_err(struct hv_ctx *ctx, int ret, const char *what)
{
	if (ret == -ENOENT && !ctx->nl.ext_msg[0])
		fprintf(stderr, "hvnet: the vswitch_acl module is not loaded\n");
	else
		hv_err(ctx, ret, "%s", what);
	return HV_EXIT_FAIL;
}

static int acl_flows(struct hv_ctx *ctx, struct hv_args *a)
{
	const char *sw, *port = NULL;
	struct nlmsghdr *nlh;
	int ret;

	ret = arg_name(ctx, a, "SWITCH", &sw);
	if (!ret && a->argc)
		ret = arg_name(ctx, a, "PORT", &port);
	if (!ret)
		ret = arg_end(ctx, a);
	if (ret)
		return ret;

	if (ctx->json) {
		json_open_object(&ctx->jw, NULL);
		json_string(&ctx->jw, "switch", sw);
	} else {
		out_str(ctx, NULL, "", sw);
	}
	nlh = nl_req(&ctx->nl, 0, VSWITCH_ACL_CMD_TABLE_GET, 0);
	mnl_attr_put_strz(nlh, VSWITCH_ACL_A_TABLE_SWITCH_NAME, sw);
	ret = acl_talk(ctx, nlh, acl_table_cb, ctx);
	if (ret) {
		if (!ctx->json)
			out_eol(ctx);
		return acl_family_err(ctx, ret, "table-get");
	}
	nlh = nl_req(&ctx->nl, 0, VSWITCH_ACL_CMD_FLOW_GET, NLM_F_DUMP);
	mnl_attr_put_strz(nlh, VSWITCH_ACL_A_FLOW_SWITCH_NAME, sw);
	if (port)
		mnl_attr_put_strz(nlh, VSWITCH_ACL_A_FLOW_PORT_NAME, port);
	if (ctx->json)
		json_open_array(&ctx->jw, "sessions");
	ret = acl_talk(ctx, nlh, acl_flow_cb, ctx);
	if (ctx->json) {
		json_close_array(&ctx->jw);
		json_close_object(&ctx->jw);
		json_end(&ctx->jw);
	}
	return ret ? acl_family_err(ctx, ret, "flow-get") : 0;
}

static const struct hv_cmd acl_cmds[] = {
	{ "show", acl_show },
	{ "add", acl_add },
	{ "xadd", acl_xadd },
	{ "delete", acl_del },
	{ "xdelete", acl_xdel },
	{ "flows", acl_flows },
};

const struct hv_object hv_acl_obj = {
	.name = "acl",
	.usage =
	"Usage: hvnet acl show SWITCH [ PORT ]\n"
	"       hvnet acl add SWITCH PORT dir { in | out | both } action { allow | deny | meter }\n"
	"                     { mac MAC | ip PREFIX | ip6 PREFIX } [ local | remote ]\n"
	"       hvnet acl del SWITCH PORT { rule N | RULE-AS-ADDED }\n"
	"       hvnet acl xadd SWITCH PORT dir { in | out } action { allow | deny } weight W\n"
	"                      [ proto PROTO ] [ local PREFIX ] [ remote PREFIX ]\n"
	"                      [ lport P[-Q] ] [ rport P[-Q] ] [ stateful [ timeout S ] ]\n"
	"       hvnet acl xdel SWITCH PORT { rule N | dir { in | out } weight W }\n"
	"       hvnet acl flows SWITCH [ PORT ]\n"
	"where  MAC := xx:xx:xx:xx:xx:xx[/LEN] | any, PREFIX := ADDR[/LEN] (IPv4 or IPv6),\n"
	"       PROTO := { tcp | udp | icmp | icmpv6 | sctp | 1-255 }, W := 0-65535,\n"
	"       S := 1-65535 (idle seconds of a stateful rule's sessions, 255 if not given).\n"
	"       Directions are the VM's: in = to the port, out = from it; local is the\n"
	"       port's side (remote if not given). With -s, show prints what each rule\n"
	"       counted (the acl extension must be enabled on the switch).\n",
	.cmds = acl_cmds,
	.ncmds = ARRAY_SIZE(acl_cmds),
};
