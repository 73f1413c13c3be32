// SPDX-License-Identifier: GPL-2.0
/*
 * A fake vswitch family for testing the hvnet command without its module:
 * linked into the command with -Wl,--wrap=mnl_socket_*, it answers requests
 * from a small fixed world (two switches, three ports, two FDB entries),
 * enforces the teardown rules of the real family, logs every request it
 * gets to $HVNET_FAKE_LOG, and plays a few notifications to a monitor.
 */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <libmnl/libmnl.h>
#include <linux/genetlink.h>
#include <linux/hvnet_vswitch.h>
#include <linux/netlink.h>

#include "util.h"

#define FAKE_FAMILY	0x30
#define FAKE_GROUP	7
#define FAKE_PORTID	4242

struct fake_nic {
	unsigned int index, type, state, ifindex, mtu;
	const char *ifname;
	uint8_t mac[HV_MAC_LEN];
};

struct fake_port {
	unsigned int sw, id, type, state, vlan_mode, access, native;
	const char *name, *trunk;
	unsigned int nnics;
	struct fake_nic nic[2];
};

struct fake_switch {
	unsigned int id, type, uplink;
	const char *name, *internal;
};

static const struct fake_switch switches[] = {
	{ 1, VSWITCH_SWITCH_TYPE_EXTERNAL, 1, "vs0", "vs0-host" },
	{ 2, VSWITCH_SWITCH_TYPE_PRIVATE, 0, "vs1", NULL },
};

static struct fake_port ports[] = {
	{ 1, 1, VSWITCH_PORT_TYPE_EXTERNAL, VSWITCH_PORT_STATE_CREATED, 0, 0, 0,
	  "external", NULL, 2,
	  { { 0, VSWITCH_NIC_TYPE_EXTERNAL, VSWITCH_NIC_STATE_CONNECTED, 1, 65536,
	      "lo", { 0 } },
	    { 1, VSWITCH_NIC_TYPE_EXTERNAL, VSWITCH_NIC_STATE_CONNECTED, 1, 65536,
	      "lo", { 0 } } } },
	{ 1, 2, VSWITCH_PORT_TYPE_EMULATED, VSWITCH_PORT_STATE_CREATED,
	  VSWITCH_VLAN_MODE_ACCESS, 10, 0, "p1", NULL, 1,
	  { { 0, VSWITCH_NIC_TYPE_EMULATED, VSWITCH_NIC_STATE_CONNECTED, 5, 1500,
	      "veth1", { 0x02, 0, 0, 0, 0, 0x01 } } } },
	{ 1, 3, VSWITCH_PORT_TYPE_EMULATED, VSWITCH_PORT_STATE_CREATED,
	  VSWITCH_VLAN_MODE_TRUNK, 0, 1, "p2", "10,20-30", 1,
	  { { 0, VSWITCH_NIC_TYPE_EMULATED, VSWITCH_NIC_STATE_CREATED, 6, 9000,
	      "veth3", { 0x02, 0, 0, 0, 0, 0x02 } } } },
};

/* ---- the replies: datagrams queued for recvfrom ---- */

#define FAKE_DGRAMS	8

static char dgram[FAKE_DGRAMS][32768] __attribute__((aligned(8)));
static size_t dgram_len[FAKE_DGRAMS];
static unsigned int dgram_head, dgram_tail;
static uint32_t req_seq;
static bool joined;
static unsigned int events_played;
static FILE *log_file;

static struct nlmsghdr *put_msg(uint16_t type, uint16_t flags)
{
	char *buf = dgram[dgram_tail % FAKE_DGRAMS];
	struct nlmsghdr *nlh;

	nlh = mnl_nlmsg_put_header(buf + dgram_len[dgram_tail % FAKE_DGRAMS]);
	nlh->nlmsg_type = type;
	nlh->nlmsg_flags = flags;
	nlh->nlmsg_seq = req_seq;
	nlh->nlmsg_pid = req_seq ? FAKE_PORTID : 0;
	return nlh;
}

static void end_msg(struct nlmsghdr *nlh)
{
	dgram_len[dgram_tail % FAKE_DGRAMS] += NLMSG_ALIGN(nlh->nlmsg_len);
}

static void end_dgram(void)
{
	dgram_tail++;
	dgram_len[dgram_tail % FAKE_DGRAMS] = 0;
}

static struct nlmsghdr *put_genl(uint8_t cmd, uint16_t flags)
{
	struct nlmsghdr *nlh = put_msg(FAKE_FAMILY, flags);
	struct genlmsghdr *genl = mnl_nlmsg_put_extra_header(nlh, sizeof(*genl));

	genl->cmd = cmd;
	genl->version = 1;
	return nlh;
}

/* An ACK or an error with an extack message, as the kernel sends them. */
static void put_ack(const struct nlmsghdr *req, int err, const char *msg)
{
	struct nlmsghdr *nlh = put_msg(NLMSG_ERROR, msg ? NLM_F_CAPPED | NLM_F_ACK_TLVS
					: NLM_F_CAPPED);
	struct nlmsgerr *e = mnl_nlmsg_put_extra_header(nlh, sizeof(*e));

	e->error = -err;
	e->msg = *req;
	if (msg)
		mnl_attr_put_strz(nlh, NLMSGERR_ATTR_MSG, msg);
	end_msg(nlh);
	end_dgram();
}

/* The end of a dump, failed or not. */
static void put_done(int err, const char *msg)
{
	struct nlmsghdr *nlh = put_msg(NLMSG_DONE, NLM_F_MULTI |
				       (msg ? NLM_F_ACK_TLVS : 0));
	int *e = mnl_nlmsg_put_extra_header(nlh, sizeof(*e));

	*e = -err;
	if (msg)
		mnl_attr_put_strz(nlh, NLMSGERR_ATTR_MSG, msg);
	end_msg(nlh);
	end_dgram();
}

static void put_stats(struct nlmsghdr *nlh, uint16_t type, uint64_t base)
{
	struct nlattr *nest = mnl_attr_nest_start(nlh, type);
	uint16_t a;

	for (a = VSWITCH_A_STATS_RX_PACKETS; a <= VSWITCH_A_STATS_MAX; a++) {
		/* 64-bit attributes are aligned with pad attributes */
		if ((nlh->nlmsg_len + 4) % 8)
			mnl_attr_put(nlh, VSWITCH_A_STATS_PAD, 0, NULL);
		mnl_attr_put_u64(nlh, a, base * a);
	}
	mnl_attr_nest_end(nlh, nest);
}

static void put_switch(uint8_t cmd, uint16_t flags, const struct fake_switch *sw)
{
	struct nlmsghdr *nlh = put_genl(cmd, flags);

	mnl_attr_put_u32(nlh, VSWITCH_A_SWITCH_ID, sw->id);
	mnl_attr_put_strz(nlh, VSWITCH_A_SWITCH_NAME, sw->name);
	mnl_attr_put_u32(nlh, VSWITCH_A_SWITCH_TYPE, sw->type);
	if (sw->uplink)
		mnl_attr_put_u32(nlh, VSWITCH_A_SWITCH_UPLINK_IFINDEX, sw->uplink);
	if (sw->internal)
		mnl_attr_put_strz(nlh, VSWITCH_A_SWITCH_INTERNAL_IFNAME, sw->internal);
	mnl_attr_put_u32(nlh, VSWITCH_A_SWITCH_AGEING_TIME, 300000);
	mnl_attr_put_u32(nlh, VSWITCH_A_SWITCH_LEARN_LIMIT, 0);
	mnl_attr_put_u32(nlh, VSWITCH_A_SWITCH_FDB_ENTRIES, sw->id == 1 ? 2 : 0);
	mnl_attr_put_u32(nlh, VSWITCH_A_SWITCH_PORT_COUNT, sw->id == 1 ? 3 : 0);
	put_stats(nlh, VSWITCH_A_SWITCH_STATS, 1000);
	end_msg(nlh);
}

static const char *switch_name(unsigned int id)
{
	return switches[id - 1].name;
}

static void put_nic_attrs(struct nlmsghdr *nlh, const struct fake_nic *nic)
{
	mnl_attr_put_u32(nlh, VSWITCH_A_NIC_INDEX, nic->index);
	mnl_attr_put_u32(nlh, VSWITCH_A_NIC_TYPE, nic->type);
	mnl_attr_put_u32(nlh, VSWITCH_A_NIC_STATE, nic->state);
	mnl_attr_put_u32(nlh, VSWITCH_A_NIC_IFINDEX, nic->ifindex);
	mnl_attr_put_strz(nlh, VSWITCH_A_NIC_IFNAME, nic->ifname);
	mnl_attr_put(nlh, VSWITCH_A_NIC_MAC, HV_MAC_LEN, nic->mac);
	mnl_attr_put_u32(nlh, VSWITCH_A_NIC_MTU, nic->mtu);
	put_stats(nlh, VSWITCH_A_NIC_STATS, 10 + nic->index);
}

static void put_port(uint8_t cmd, uint16_t flags, const struct fake_port *p)
{
	struct nlmsghdr *nlh = put_genl(cmd, flags);
	uint8_t bitmap[HV_VLAN_BITMAP_LEN];
	struct nlattr *nest;
	unsigned int i;

	mnl_attr_put_u32(nlh, VSWITCH_A_PORT_SWITCH_ID, p->sw);
	mnl_attr_put_strz(nlh, VSWITCH_A_PORT_SWITCH_NAME, switch_name(p->sw));
	mnl_attr_put_u32(nlh, VSWITCH_A_PORT_ID, p->id);
	mnl_attr_put_strz(nlh, VSWITCH_A_PORT_NAME, p->name);
	mnl_attr_put_u32(nlh, VSWITCH_A_PORT_TYPE, p->type);
	mnl_attr_put_u32(nlh, VSWITCH_A_PORT_STATE, p->state);
	if (p->vlan_mode) {
		mnl_attr_put_u32(nlh, VSWITCH_A_PORT_VLAN_MODE, p->vlan_mode);
		mnl_attr_put_u16(nlh, VSWITCH_A_PORT_ACCESS_VLAN, p->access);
		mnl_attr_put_u16(nlh, VSWITCH_A_PORT_NATIVE_VLAN, p->native);
		memset(bitmap, 0, sizeof(bitmap));
		if (p->trunk)
			parse_vlan_list(p->trunk, bitmap);
		mnl_attr_put(nlh, VSWITCH_A_PORT_TRUNK_VLANS, sizeof(bitmap), bitmap);
	}
	mnl_attr_put_u32(nlh, VSWITCH_A_PORT_LEARN_LIMIT, 0);
	mnl_attr_put_u32(nlh, VSWITCH_A_PORT_LEARNED, p->id == 2);
	for (i = 0; i < p->nnics; i++) {
		if (p->nic[i].state == VSWITCH_NIC_STATE_DELETED)
			continue;
		nest = mnl_attr_nest_start(nlh, VSWITCH_A_PORT_NIC);
		put_nic_attrs(nlh, &p->nic[i]);
		mnl_attr_nest_end(nlh, nest);
	}
	put_stats(nlh, VSWITCH_A_PORT_STATS, 100 + p->id);
	end_msg(nlh);
}

static void put_nic(uint8_t cmd, uint16_t flags, const struct fake_port *p,
		    const struct fake_nic *nic)
{
	struct nlmsghdr *nlh = put_genl(cmd, flags);

	mnl_attr_put_u32(nlh, VSWITCH_A_NIC_SWITCH_ID, p->sw);
	mnl_attr_put_strz(nlh, VSWITCH_A_NIC_SWITCH_NAME, switch_name(p->sw));
	mnl_attr_put_u32(nlh, VSWITCH_A_NIC_PORT_ID, p->id);
	mnl_attr_put_strz(nlh, VSWITCH_A_NIC_PORT_NAME, p->name);
	put_nic_attrs(nlh, nic);
	end_msg(nlh);
}

static void put_fdb(uint8_t cmd, uint16_t flags, unsigned int n)
{
	struct nlmsghdr *nlh = put_genl(cmd, flags);
	uint8_t mac[HV_MAC_LEN] = { 0x02, 0, 0, 0, 0, 0x10 + n };

	mnl_attr_put_u32(nlh, VSWITCH_A_FDB_SWITCH_ID, 1);
	mnl_attr_put(nlh, VSWITCH_A_FDB_MAC, HV_MAC_LEN, mac);
	mnl_attr_put_u16(nlh, VSWITCH_A_FDB_VLAN, 10);
	mnl_attr_put_u32(nlh, VSWITCH_A_FDB_PORT_ID, 2 + n);
	mnl_attr_put_strz(nlh, VSWITCH_A_FDB_PORT_NAME, ports[1 + n].name);
	if (n)
		mnl_attr_put(nlh, VSWITCH_A_FDB_STATIC, 0, NULL);
	mnl_attr_put_u32(nlh, VSWITCH_A_FDB_AGE, n ? 0 : 1250);
	end_msg(nlh);
}

/* ---- the requests ---- */

/* The attribute names of each set, to log requests readably. */
static const char *const switch_attrs[] = {
	"", "id", "name", "type", "uplink-ifindex", "internal-ifname",
	"ageing-time", "learn-limit",
};

static const char *const port_attrs[] = {
	"", "switch-id", "switch-name", "id", "name", "type", "state",
	"vlan-mode", "access-vlan", "native-vlan", "trunk-vlans", "learn-limit",
	"learned", "nic-ifindex",
};

static const char *const nic_attrs[] = {
	"", "switch-id", "switch-name", "port-id", "port-name", "index", "type",
	"state", "ifindex", "ifname", "mac", "mtu",
};

static const char *const fdb_attrs[] = {
	"", "switch-id", "switch-name", "mac", "vlan", "port-id", "port-name",
	"static",
};

static const struct hv_names *request_set(uint8_t cmd)
{
	static const struct hv_names sets[] = {
		{ switch_attrs, ARRAY_SIZE(switch_attrs) },
		{ port_attrs, ARRAY_SIZE(port_attrs) },
		{ nic_attrs, ARRAY_SIZE(nic_attrs) },
		{ fdb_attrs, ARRAY_SIZE(fdb_attrs) },
	};

	if (cmd >= VSWITCH_CMD_FDB_GET)
		return &sets[3];
	if (cmd >= VSWITCH_CMD_NIC_NEW)
		return &sets[2];
	if (cmd >= VSWITCH_CMD_PORT_NEW)
		return &sets[1];
	return &sets[0];
}

/* "port-new switch-name=vs0 name=p3 vlan-mode=1 access-vlan=10" */
static void log_request(const struct nlmsghdr *nlh, uint8_t cmd)
{
	const struct hv_names *set = request_set(cmd);
	const struct nlattr *attr;
	char buf[HV_VLAN_LIST_LEN];

	if (!log_file)
		return;
	fprintf(log_file, "%s%s", hv_name(&hv_vswitch_cmds, cmd),
		nlh->nlmsg_flags & NLM_F_DUMP ? " dump" : "");
	mnl_attr_for_each(attr, nlh, GENL_HDRLEN) {
		unsigned int type = mnl_attr_get_type(attr);
		unsigned int len = mnl_attr_get_payload_len(attr);
		const char *name = hv_name(set, type);

		fprintf(log_file, " %s", name ? name : "?");
		if (!len)
			continue;
		fputc('=', log_file);
		if (name && strstr(name, "name")) {
			fputs(mnl_attr_get_str(attr), log_file);
		} else if (len == HV_VLAN_BITMAP_LEN) {
			format_vlan_list(mnl_attr_get_payload(attr), buf, sizeof(buf));
			fputs(buf, log_file);
		} else if (len == HV_MAC_LEN) {
			format_mac(mnl_attr_get_payload(attr), buf);
			fputs(buf, log_file);
		} else if (len == 2) {
			fprintf(log_file, "%u", mnl_attr_get_u16(attr));
		} else {
			fprintf(log_file, "%u", mnl_attr_get_u32(attr));
		}
	}
	fputc('\n', log_file);
	fflush(log_file);
}

struct fake_req {
	const char *sw, *port;
	unsigned int index;
};

static void parse_request(const struct nlmsghdr *nlh, uint8_t cmd,
			  struct fake_req *r)
{
	const struct hv_names *set = request_set(cmd);
	const struct nlattr *attr;

	memset(r, 0, sizeof(*r));
	mnl_attr_for_each(attr, nlh, GENL_HDRLEN) {
		const char *name = hv_name(set, mnl_attr_get_type(attr));

		if (!name)
			continue;
		if (!strcmp(name, "switch-name") ||
		    (set->names == switch_attrs && !strcmp(name, "name")))
			r->sw = mnl_attr_get_str(attr);
		else if (!strcmp(name, "port-name") ||
			 (set->names == port_attrs && !strcmp(name, "name")))
			r->port = mnl_attr_get_str(attr);
		else if (!strcmp(name, "index"))
			r->index = mnl_attr_get_u32(attr);
	}
}

static const struct fake_switch *find_switch(const char *name)
{
	unsigned int i;

	for (i = 0; name && i < ARRAY_SIZE(switches); i++)
		if (!strcmp(switches[i].name, name))
			return &switches[i];
	return NULL;
}

static struct fake_port *find_port(const char *sw, const char *name)
{
	const struct fake_switch *s = find_switch(sw);
	unsigned int i;

	for (i = 0; s && name && i < ARRAY_SIZE(ports); i++)
		if (ports[i].sw == s->id && !strcmp(ports[i].name, name) &&
		    ports[i].state != VSWITCH_PORT_STATE_DELETED)
			return &ports[i];
	return NULL;
}

static struct fake_nic *find_nic(struct fake_port *p, unsigned int index)
{
	unsigned int i;

	for (i = 0; p && i < p->nnics; i++)
		if (p->nic[i].index == index &&
		    p->nic[i].state != VSWITCH_NIC_STATE_DELETED)
			return &p->nic[i];
	return NULL;
}

static void dump(uint8_t cmd, const struct fake_req *r)
{
	const struct fake_switch *only = find_switch(r->sw);
	unsigned int i, j;

	if (r->sw && !only) {
		put_done(ENODEV, "no such switch");
		return;
	}
	for (i = 0; cmd == VSWITCH_CMD_SWITCH_GET && i < ARRAY_SIZE(switches); i++)
		put_switch(cmd, NLM_F_MULTI, &switches[i]);
	for (i = 0; cmd != VSWITCH_CMD_SWITCH_GET && i < ARRAY_SIZE(ports); i++) {
		if (only && ports[i].sw != only->id)
			continue;
		if (cmd == VSWITCH_CMD_PORT_GET)
			put_port(cmd, NLM_F_MULTI, &ports[i]);
		for (j = 0; cmd == VSWITCH_CMD_NIC_GET && j < ports[i].nnics; j++)
			put_nic(cmd, NLM_F_MULTI, &ports[i], &ports[i].nic[j]);
	}
	for (i = 0; cmd == VSWITCH_CMD_FDB_GET && only && only->id == 1 && i < 2; i++)
		put_fdb(cmd, NLM_F_MULTI, i);
	if (dgram_len[dgram_tail % FAKE_DGRAMS])
		end_dgram();
	put_done(0, NULL);
}

/* The rules of the real family that teardown depends on. */
static int change(uint8_t cmd, const struct fake_req *r, const char **msg)
{
	struct fake_port *p = find_port(r->sw, r->port);
	struct fake_nic *nic = find_nic(p, r->index);
	unsigned int i;

	switch (cmd) {
	case VSWITCH_CMD_NIC_DISCONNECT:
	case VSWITCH_CMD_NIC_DEL:
		if (!nic) {
			*msg = "no such NIC";
			return -ENOENT;
		}
		if (cmd == VSWITCH_CMD_NIC_DISCONNECT) {
			nic->state = VSWITCH_NIC_STATE_DISCONNECTED;
			return 0;
		}
		if (nic->state == VSWITCH_NIC_STATE_CONNECTED) {
			*msg = "NIC is connected";
			return -EBUSY;
		}
		nic->state = VSWITCH_NIC_STATE_DELETED;
		return 0;
	case VSWITCH_CMD_PORT_DEL:
		if (!p) {
			*msg = "no such port";
			return -ENOENT;
		}
		for (i = 0; i < p->nnics; i++)
			if (p->nic[i].state != VSWITCH_NIC_STATE_DELETED) {
				*msg = "port has a NIC";
				return -EBUSY;
			}
		p->state = VSWITCH_PORT_STATE_DELETED;
		return 0;
	}
	return 0;
}

static void request(const struct nlmsghdr *nlh)
{
	const struct genlmsghdr *genl = mnl_nlmsg_get_payload(nlh);
	const struct fake_switch *sw;
	const char *msg = "no such object";
	struct fake_port *p;
	struct fake_nic *nic;
	struct fake_req r;
	int err = ENODEV;

	log_request(nlh, genl->cmd);
	parse_request(nlh, genl->cmd, &r);
	if (nlh->nlmsg_flags & NLM_F_DUMP) {
		dump(genl->cmd, &r);
		return;
	}
	switch (genl->cmd) {
	case VSWITCH_CMD_SWITCH_GET:
		sw = find_switch(r.sw);
		if (sw) {
			put_switch(genl->cmd, 0, sw);
			err = 0;
		}
		break;
	case VSWITCH_CMD_PORT_GET:
		p = find_port(r.sw, r.port);
		if (p) {
			put_port(genl->cmd, 0, p);
			err = 0;
		}
		break;
	case VSWITCH_CMD_NIC_GET:
		p = find_port(r.sw, r.port);
		nic = find_nic(p, r.index);
		if (nic) {
			put_nic(genl->cmd, 0, p, nic);
			err = 0;
		}
		break;
	default:
		err = -change(genl->cmd, &r, &msg);
		break;
	}
	if (!err && dgram_len[dgram_tail % FAKE_DGRAMS])
		end_dgram();
	put_ack(nlh, err, err ? msg : NULL);
}

static void family(const struct nlmsghdr *nlh)
{
	const struct nlattr *attr;
	const char *name = "";
	struct nlmsghdr *rep;
	struct nlattr *groups, *grp;

	mnl_attr_for_each(attr, nlh, GENL_HDRLEN)
		if (mnl_attr_get_type(attr) == CTRL_ATTR_FAMILY_NAME)
			name = mnl_attr_get_str(attr);
	if (strcmp(name, VSWITCH_FAMILY_NAME) || getenv("HVNET_FAKE_UNLOADED")) {
		put_ack(nlh, ENOENT, NULL);
		return;
	}
	rep = put_msg(GENL_ID_CTRL, 0);
	mnl_nlmsg_put_extra_header(rep, GENL_HDRLEN);
	mnl_attr_put_u16(rep, CTRL_ATTR_FAMILY_ID, FAKE_FAMILY);
	mnl_attr_put_strz(rep, CTRL_ATTR_FAMILY_NAME, name);
	groups = mnl_attr_nest_start(rep, CTRL_ATTR_MCAST_GROUPS);
	grp = mnl_attr_nest_start(rep, 1);
	mnl_attr_put_u32(rep, CTRL_ATTR_MCAST_GRP_ID, FAKE_GROUP);
	mnl_attr_put_strz(rep, CTRL_ATTR_MCAST_GRP_NAME, VSWITCH_MCGRP_MONITOR);
	mnl_attr_nest_end(rep, grp);
	mnl_attr_nest_end(rep, groups);
	end_msg(rep);
	end_dgram();
	put_ack(nlh, 0, NULL);
}

/* The notifications a monitor sees, one datagram each. */
static bool play_event(void)
{
	static const struct fake_req flush = { "vs0", "p1", 0 };
	struct nlmsghdr *nlh;

	req_seq = 0;
	switch (events_played++) {
	case 0:
		put_switch(VSWITCH_CMD_SWITCH_NEW, 0, &switches[0]);
		break;
	case 1:
		put_port(VSWITCH_CMD_PORT_NEW, 0, &ports[1]);
		break;
	case 2:
		put_nic(VSWITCH_CMD_NIC_CONNECT, 0, &ports[1], &ports[1].nic[0]);
		break;
	case 3:
		/* fdb changes are announced as the request that made them */
		nlh = put_genl(VSWITCH_CMD_FDB_ADD, 0);
		mnl_attr_put_strz(nlh, VSWITCH_A_FDB_SWITCH_NAME, flush.sw);
		mnl_attr_put(nlh, VSWITCH_A_FDB_MAC, HV_MAC_LEN, ports[1].nic[0].mac);
		mnl_attr_put_u16(nlh, VSWITCH_A_FDB_VLAN, 10);
		mnl_attr_put_strz(nlh, VSWITCH_A_FDB_PORT_NAME, flush.port);
		end_msg(nlh);
		break;
	case 4:
		nlh = put_genl(VSWITCH_CMD_FDB_FLUSH, 0);
		mnl_attr_put_strz(nlh, VSWITCH_A_FDB_SWITCH_NAME, flush.sw);
		mnl_attr_put_strz(nlh, VSWITCH_A_FDB_PORT_NAME, flush.port);
		mnl_attr_put(nlh, VSWITCH_A_FDB_STATIC, 0, NULL);
		end_msg(nlh);
		break;
	case 5:
		put_port(VSWITCH_CMD_PORT_DEL, 0, &ports[1]);
		break;
	case 6:
		put_switch(VSWITCH_CMD_SWITCH_DEL, 0, &switches[0]);
		break;
	default:
		return false;
	}
	end_dgram();
	return true;
}

/* ---- libmnl's socket, wrapped ---- */

static char fake_socket;

struct mnl_socket *__wrap_mnl_socket_open(int bus);
struct mnl_socket *__wrap_mnl_socket_open(int bus)
{
	const char *path = getenv("HVNET_FAKE_LOG");

	if (path && !log_file)
		log_file = fopen(path, "a");
	(void)bus;
	return (struct mnl_socket *)&fake_socket;
}

int __wrap_mnl_socket_bind(struct mnl_socket *nl, unsigned int groups, pid_t pid);
int __wrap_mnl_socket_bind(struct mnl_socket *nl, unsigned int groups, pid_t pid)
{
	(void)nl;
	(void)groups;
	(void)pid;
	return 0;
}

unsigned int __wrap_mnl_socket_get_portid(const struct mnl_socket *nl);
unsigned int __wrap_mnl_socket_get_portid(const struct mnl_socket *nl)
{
	(void)nl;
	return FAKE_PORTID;
}

int __wrap_mnl_socket_get_fd(const struct mnl_socket *nl);
int __wrap_mnl_socket_get_fd(const struct mnl_socket *nl)
{
	(void)nl;
	return -1;
}

int __wrap_mnl_socket_setsockopt(const struct mnl_socket *nl, int type,
				 void *buf, socklen_t len);
int __wrap_mnl_socket_setsockopt(const struct mnl_socket *nl, int type,
				 void *buf, socklen_t len)
{
	(void)nl;
	if (type == NETLINK_ADD_MEMBERSHIP && len == sizeof(uint32_t) &&
	    *(uint32_t *)buf == FAKE_GROUP)
		joined = true;
	return 0;
}

int __wrap_mnl_socket_close(struct mnl_socket *nl);
int __wrap_mnl_socket_close(struct mnl_socket *nl)
{
	(void)nl;
	if (log_file)
		fclose(log_file);
	log_file = NULL;
	return 0;
}

ssize_t __wrap_mnl_socket_sendto(const struct mnl_socket *nl, const void *buf,
				 size_t len);
ssize_t __wrap_mnl_socket_sendto(const struct mnl_socket *nl, const void *buf,
				 size_t len)
{
	const struct nlmsghdr *nlh = buf;

	(void)nl;
	req_seq = nlh->nlmsg_seq;
	if (nlh->nlmsg_type == GENL_ID_CTRL)
		family(nlh);
	else if (nlh->nlmsg_type == FAKE_FAMILY)
		request(nlh);
	else
		put_ack(nlh, EOPNOTSUPP, NULL);
	return len;
}

ssize_t __wrap_mnl_socket_recvfrom(const struct mnl_socket *nl, void *buf,
				   size_t size);
ssize_t __wrap_mnl_socket_recvfrom(const struct mnl_socket *nl, void *buf,
				   size_t size)
{
	size_t len;

	(void)nl;
	if (dgram_head == dgram_tail && !(joined && play_event())) {
		errno = EBADF;	/* the monitor's end */
		return -1;
	}
	len = dgram_len[dgram_head % FAKE_DGRAMS];
	if (len > size) {
		errno = ENOSPC;
		return -1;
	}
	memcpy(buf, dgram[dgram_head % FAKE_DGRAMS], len);
	dgram_head++;
	return len;
}
