// SPDX-License-Identifier: GPL-2.0
/*
 * `hvnet sfwd`: the static forwarding extension's table and mirror port,
 * kept as its custom properties (include/uapi/linux/hvnet_ext_sfwd.h): one
 * port property instance per address, one switch property for the mirror.
 */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <linux/hvnet_vswitch.h>
#include <linux/hvnet_ext_sfwd.h>

#include "hvnet.h"

static const struct vsw_policy sfwd_port_policy[VSWITCH_A_PORT_MAX + 1] = {
	[VSWITCH_A_PORT_ID] = { MNL_TYPE_U32 },
	[VSWITCH_A_PORT_NAME] = { MNL_TYPE_NUL_STRING },
};

struct sfwd_entry {
	char port[VSWITCH_NAME_LEN];
	uint32_t port_id;
	uint32_t instance;
	struct hvnet_sfwd_entry e;
};

/* What a switch's sfwd properties say, and the names of its ports. */
struct sfwd_state {
	struct sfwd_entry *entries;
	unsigned int count;
	bool has_mirror;
	uint32_t mirror;		/* port id */
	struct {
		uint32_t id;
		char name[VSWITCH_NAME_LEN];
	} *ports;
	unsigned int nports;
	bool nomem;
};

static void sfwd_state_free(struct sfwd_state *st)
{
	free(st->entries);
	free(st->ports);
}

static int sfwd_prop_cb(const struct nlmsghdr *nlh, void *data)
{
	struct sfwd_state *st = data;
	struct sfwd_entry *e;
	struct hv_prop p;

	if (!prop_parse(nlh, &p) || !p.data || p.id != HVNET_SFWD_PROP_ID)
		return MNL_CB_OK;
	if (!p.port_id) {
		struct hvnet_sfwd_mirror m;

		if (p.len != sizeof(m))
			return MNL_CB_OK;
		memcpy(&m, p.data, sizeof(m));
		st->has_mirror = true;
		st->mirror = m.port;
		return MNL_CB_OK;
	}
	if (p.len != sizeof(e->e))
		return MNL_CB_OK;
	e = realloc(st->entries, (st->count + 1) * sizeof(*e));
	if (!e) {
		st->nomem = true;
		return MNL_CB_ERROR;
	}
	st->entries = e;
	e += st->count++;
	memset(e, 0, sizeof(*e));
	if (p.port)
		snprintf(e->port, sizeof(e->port), "%s", p.port);
	e->port_id = p.port_id;
	e->instance = p.instance;
	memcpy(&e->e, p.data, sizeof(e->e));
	return MNL_CB_OK;
}

static int sfwd_port_cb(const struct nlmsghdr *nlh, void *data)
{
	const struct nlattr *tb[VSWITCH_A_PORT_MAX + 1];
	struct sfwd_state *st = data;
	void *ports;

	vsw_parse(nlh, sfwd_port_policy, VSWITCH_A_PORT_MAX, tb);
	if (!tb[VSWITCH_A_PORT_ID] || !tb[VSWITCH_A_PORT_NAME])
		return MNL_CB_OK;
	ports = realloc(st->ports, (st->nports + 1) * sizeof(*st->ports));
	if (!ports) {
		st->nomem = true;
		return MNL_CB_ERROR;
	}
	st->ports = ports;
	st->ports[st->nports].id = mnl_attr_get_u32(tb[VSWITCH_A_PORT_ID]);
	snprintf(st->ports[st->nports].name, sizeof(st->ports[0].name), "%s",
		 mnl_attr_get_str(tb[VSWITCH_A_PORT_NAME]));
	st->nports++;
	return MNL_CB_OK;
}

/* The sfwd properties of @sw, and its ports if @ports. */
static int sfwd_state_get(struct hv_ctx *ctx, const char *sw, bool ports,
			  struct sfwd_state *st)
{
	struct nlmsghdr *nlh;
	int ret;

	memset(st, 0, sizeof(*st));
	ret = vsw_talk(ctx, prop_dump_req(ctx, sw, NULL), sfwd_prop_cb, st);
	if (!ret && ports) {
		nlh = vsw_req(ctx, VSWITCH_CMD_PORT_GET, NLM_F_DUMP);
		mnl_attr_put_strz(nlh, VSWITCH_A_PORT_SWITCH_NAME, sw);
		ret = vsw_talk(ctx, nlh, sfwd_port_cb, st);
	}
	if (st->nomem) {
		fprintf(stderr, "hvnet: out of memory\n");
		ret = HV_EXIT_FAIL;
	}
	if (ret)
		sfwd_state_free(st);
	return ret;
}

static const char *sfwd_port_name(const struct sfwd_state *st, uint32_t id)
{
	unsigned int i;

	for (i = 0; i < st->nports; i++)
		if (st->ports[i].id == id)
			return st->ports[i].name;
	return NULL;
}

static struct sfwd_entry *sfwd_entry_find(const struct sfwd_state *st,
					  const uint8_t *mac, uint16_t vlan)
{
	unsigned int i;

	for (i = 0; i < st->count; i++)
		if (!memcmp(st->entries[i].e.mac, mac, HV_MAC_LEN) &&
		    st->entries[i].e.vlan == vlan)
			return &st->entries[i];
	return NULL;
}

/* ---- sfwd show ---- */

static void sfwd_port_ref(struct hv_ctx *ctx, const char *key, const char *label,
			  const char *name, uint32_t id)
{
	char id_key[32];

	snprintf(id_key, sizeof(id_key), "%s_id", key);
	if (name && *name)
		out_str(ctx, key, label, name);
	else if (!ctx->json)
		out_text(ctx, "%s-id %u", label, id);
	if (ctx->json)
		json_uint(&ctx->jw, id_key, id);
}

/*
 * "switch SW mirror PORT" (or "mirror none"), then a line per address:
 * "    MAC vlan V port PORT".
 */
static int sfwd_show(struct hv_ctx *ctx, struct hv_args *a)
{
	char mac[HV_MAC_STR_LEN];
	struct sfwd_state st;
	const char *sw;
	unsigned int i;
	int ret;

	ret = arg_name(ctx, a, "SWITCH", &sw);
	if (!ret)
		ret = arg_end(ctx, a);
	if (!ret)
		ret = sfwd_state_get(ctx, sw, true, &st);
	if (ret)
		return ret;
	if (ctx->json)
		json_open_object(&ctx->jw, NULL);
	out_str(ctx, "switch", "switch", sw);
	if (st.has_mirror)
		sfwd_port_ref(ctx, "mirror", "mirror", sfwd_port_name(&st, st.mirror),
			      st.mirror);
	else
		out_text(ctx, "mirror none");
	out_eol(ctx);
	out_open_array(ctx, "entries");
	for (i = 0; i < st.count; i++) {
		const struct sfwd_entry *e = &st.entries[i];

		if (ctx->json)
			json_open_object(&ctx->jw, NULL);
		else
			out_indent(ctx, 4);
		format_mac(e->e.mac, mac);
		out_str(ctx, "mac", "", mac);
		out_uint(ctx, "vlan", "vlan", e->e.vlan);
		sfwd_port_ref(ctx, "port", "port", e->port, e->port_id);
		if (ctx->json)
			json_close_object(&ctx->jw);
		out_eol(ctx);
	}
	out_close_array(ctx);
	if (ctx->json) {
		json_close_object(&ctx->jw);
		json_end(&ctx->jw);
	}
	fflush(stdout);
	sfwd_state_free(&st);
	return 0;
}

/* ---- sfwd add, del ---- */

/* MAC [ vlan V ] */
static int sfwd_addr_args(struct hv_ctx *ctx, struct hv_args *a,
			  struct hvnet_sfwd_entry *e)
{
	uint32_t vlan = 0;
	int ret;

	memset(e, 0, sizeof(*e));
	ret = arg_mac(ctx, a, "MAC", e->mac);
	if (ret)
		return ret;
	if (arg_peek(a) && matches(arg_peek(a), "vlan")) {
		arg_next(a);
		ret = arg_uint(ctx, a, "vlan", HV_VLAN_MAX, &vlan);
		if (ret)
			return ret;
	}
	e->vlan = vlan;
	return arg_end(ctx, a);
}

/* sfwd add SWITCH PORT MAC [ vlan V ]: a new instance of the port's. */
static int sfwd_add(struct hv_ctx *ctx, struct hv_args *a)
{
	char mac[HV_MAC_STR_LEN];
	struct hvnet_sfwd_entry e;
	const struct sfwd_entry *old;
	const char *sw, *port;
	struct sfwd_state st;
	uint32_t instance;
	unsigned int i;
	int ret;

	ret = arg_name(ctx, a, "SWITCH", &sw);
	if (!ret)
		ret = arg_name(ctx, a, "PORT", &port);
	if (!ret)
		ret = sfwd_addr_args(ctx, a, &e);
	if (!ret)
		ret = sfwd_state_get(ctx, sw, false, &st);
	if (ret)
		return ret;
	old = sfwd_entry_find(&st, e.mac, e.vlan);
	if (old) {
		format_mac(e.mac, mac);
		fprintf(stderr, "hvnet: %s vlan %u is behind port %s of %s already\n",
			mac, e.vlan, old->port, sw);
		sfwd_state_free(&st);
		return HV_EXIT_FAIL;
	}
	/* the lowest instance the port does not use */
	for (instance = 0;; instance++) {
		for (i = 0; i < st.count; i++)
			if (!strcmp(st.entries[i].port, port) &&
			    st.entries[i].instance == instance)
				break;
		if (i == st.count)
			break;
	}
	sfwd_state_free(&st);
	return prop_request(ctx, VSWITCH_CMD_PROP_NEW, sw, port, HVNET_SFWD_PROP_ID,
			    instance, HVNET_SFWD_PROP_VERSION, &e, sizeof(e));
}

/* sfwd del SWITCH MAC [ vlan V ]: an address is behind one port at most. */
static int sfwd_del(struct hv_ctx *ctx, struct hv_args *a)
{
	char mac[HV_MAC_STR_LEN], port[VSWITCH_NAME_LEN];
	const struct sfwd_entry *old;
	struct hvnet_sfwd_entry e;
	struct sfwd_state st;
	uint32_t instance;
	const char *sw;
	int ret;

	ret = arg_name(ctx, a, "SWITCH", &sw);
	if (!ret)
		ret = sfwd_addr_args(ctx, a, &e);
	if (!ret)
		ret = sfwd_state_get(ctx, sw, false, &st);
	if (ret)
		return ret;
	old = sfwd_entry_find(&st, e.mac, e.vlan);
	if (!old) {
		format_mac(e.mac, mac);
		fprintf(stderr, "hvnet: %s vlan %u is not in the sfwd table of %s\n",
			mac, e.vlan, sw);
		sfwd_state_free(&st);
		return HV_EXIT_FAIL;
	}
	snprintf(port, sizeof(port), "%s", old->port);
	instance = old->instance;
	sfwd_state_free(&st);
	return prop_request(ctx, VSWITCH_CMD_PROP_DEL, sw, port, HVNET_SFWD_PROP_ID,
			    instance, 0, NULL, 0);
}

/* ---- sfwd mirror ---- */

static int sfwd_port_id_cb(const struct nlmsghdr *nlh, void *data)
{
	const struct nlattr *tb[VSWITCH_A_PORT_MAX + 1];

	vsw_parse(nlh, sfwd_port_policy, VSWITCH_A_PORT_MAX, tb);
	if (tb[VSWITCH_A_PORT_ID])
		*(uint32_t *)data = mnl_attr_get_u32(tb[VSWITCH_A_PORT_ID]);
	return MNL_CB_OK;
}

/* sfwd mirror SWITCH PORT|none */
static int sfwd_mirror(struct hv_ctx *ctx, struct hv_args *a)
{
	struct hvnet_sfwd_mirror m = { 0 };
	const char *sw, *port;
	struct nlmsghdr *nlh;
	struct sfwd_state st;
	uint32_t id = 0;
	bool had;
	int ret;

	ret = arg_name(ctx, a, "SWITCH", &sw);
	if (!ret)
		ret = arg_name(ctx, a, "PORT", &port);
	if (!ret)
		ret = arg_end(ctx, a);
	if (!ret)
		ret = sfwd_state_get(ctx, sw, false, &st);
	if (ret)
		return ret;
	had = st.has_mirror;
	sfwd_state_free(&st);
	if (!strcmp(port, "none"))
		return had ? prop_request(ctx, VSWITCH_CMD_PROP_DEL, sw, NULL,
					  HVNET_SFWD_PROP_ID, 0, 0, NULL, 0) : 0;
	nlh = vsw_req(ctx, VSWITCH_CMD_PORT_GET, 0);
	mnl_attr_put_strz(nlh, VSWITCH_A_PORT_SWITCH_NAME, sw);
	mnl_attr_put_strz(nlh, VSWITCH_A_PORT_NAME, port);
	ret = vsw_talk(ctx, nlh, sfwd_port_id_cb, &id);
	if (ret)
		return ret;
	m.port = id;
	return prop_request(ctx, had ? VSWITCH_CMD_PROP_SET : VSWITCH_CMD_PROP_NEW,
			    sw, NULL, HVNET_SFWD_PROP_ID, 0, HVNET_SFWD_PROP_VERSION,
			    &m, sizeof(m));
}

static const struct hv_cmd sfwd_cmds[] = {
	{ "show", sfwd_show },
	{ "add", sfwd_add },
	{ "delete", sfwd_del },
	{ "mirror", sfwd_mirror },
};

const struct hv_object hv_sfwd_obj = {
	.name = "sfwd",
	.usage =
	"Usage: hvnet sfwd show SWITCH\n"
	"       hvnet sfwd add SWITCH PORT MAC [ vlan VID ]\n"
	"       hvnet sfwd del SWITCH MAC [ vlan VID ]\n"
	"       hvnet sfwd mirror SWITCH { PORT | none }\n"
	"where  MAC := xx:xx:xx:xx:xx:xx, VID := 0-4094\n"
	"The static forwarding extension (hvnet ext enable SWITCH sfwd) sends a\n"
	"packet to the port its destination MAC is added behind, and a copy to\n"
	"the mirror port.\n",
	.cmds = sfwd_cmds,
	.ncmds = ARRAY_SIZE(sfwd_cmds),
};
