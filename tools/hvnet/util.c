// SPDX-License-Identifier: GPL-2.0
/* Pure helpers of the hvnet command: names, numbers, MACs, VLAN lists. */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <linux/hvnet_vswitch.h>

#include "util.h"

/* The names of the vswitch family's enums, as its spec spells them. */

static const char *const switch_types[] = {
	[VSWITCH_SWITCH_TYPE_PRIVATE] = "private",
	[VSWITCH_SWITCH_TYPE_INTERNAL] = "internal",
	[VSWITCH_SWITCH_TYPE_EXTERNAL] = "external",
};

static const char *const port_types[] = {
	[VSWITCH_PORT_TYPE_GENERIC] = "generic",
	[VSWITCH_PORT_TYPE_EXTERNAL] = "external",
	[VSWITCH_PORT_TYPE_SYNTHETIC] = "synthetic",
	[VSWITCH_PORT_TYPE_EMULATED] = "emulated",
	[VSWITCH_PORT_TYPE_INTERNAL] = "internal",
};

static const char *const nic_types[] = {
	[VSWITCH_NIC_TYPE_EXTERNAL] = "external",
	[VSWITCH_NIC_TYPE_SYNTHETIC] = "synthetic",
	[VSWITCH_NIC_TYPE_EMULATED] = "emulated",
	[VSWITCH_NIC_TYPE_INTERNAL] = "internal",
};

static const char *const port_states[] = {
	[VSWITCH_PORT_STATE_UNKNOWN] = "unknown",
	[VSWITCH_PORT_STATE_CREATED] = "created",
	[VSWITCH_PORT_STATE_TEARDOWN] = "teardown",
	[VSWITCH_PORT_STATE_DELETED] = "deleted",
};

static const char *const nic_states[] = {
	[VSWITCH_NIC_STATE_UNKNOWN] = "unknown",
	[VSWITCH_NIC_STATE_CREATED] = "created",
	[VSWITCH_NIC_STATE_CONNECTED] = "connected",
	[VSWITCH_NIC_STATE_DISCONNECTED] = "disconnected",
	[VSWITCH_NIC_STATE_DELETED] = "deleted",
};

static const char *const on_off[] = { "off", "on" };

static const char *const vlan_modes[] = {
	[VSWITCH_VLAN_MODE_ACCESS] = "access",
	[VSWITCH_VLAN_MODE_TRUNK] = "trunk",
	[VSWITCH_VLAN_MODE_PRIVATE] = "private",
};

static const char *const pvlan_modes[] = {
	[VSWITCH_PVLAN_MODE_ISOLATED] = "isolated",
	[VSWITCH_PVLAN_MODE_COMMUNITY] = "community",
	[VSWITCH_PVLAN_MODE_PROMISCUOUS] = "promiscuous",
};

static const char *const mirror_modes[] = {
	[VSWITCH_MIRROR_MODE_NONE] = "none",
	[VSWITCH_MIRROR_MODE_DESTINATION] = "destination",
	[VSWITCH_MIRROR_MODE_SOURCE] = "source",
};

static const char *const ext_classes[] = {
	[VSWITCH_EXT_CLASS_CAPTURE] = "capture",
	[VSWITCH_EXT_CLASS_FILTER] = "filter",
	[VSWITCH_EXT_CLASS_FORWARD] = "forward",
};

static const char *const ext_reasons[] = {
	[VSWITCH_EXT_REASON_POLICY] = "policy",
	[VSWITCH_EXT_REASON_RATE] = "rate",
	[VSWITCH_EXT_REASON_MALFORMED] = "malformed",
	[VSWITCH_EXT_REASON_REPLACED] = "replaced",
};

static const char *const ext_actions[] = {
	[VSWITCH_EXT_ACTION_DROPPED] = "dropped",
	[VSWITCH_EXT_ACTION_EXCLUDED] = "excluded",
};

static const char *const vswitch_cmds[] = {
	[VSWITCH_CMD_INFO_GET] = "info-get",
	[VSWITCH_CMD_SWITCH_NEW] = "switch-new",
	[VSWITCH_CMD_SWITCH_DEL] = "switch-del",
	[VSWITCH_CMD_SWITCH_GET] = "switch-get",
	[VSWITCH_CMD_SWITCH_SET] = "switch-set",
	[VSWITCH_CMD_PORT_NEW] = "port-new",
	[VSWITCH_CMD_PORT_DEL] = "port-del",
	[VSWITCH_CMD_PORT_GET] = "port-get",
	[VSWITCH_CMD_PORT_SET] = "port-set",
	[VSWITCH_CMD_NIC_NEW] = "nic-new",
	[VSWITCH_CMD_NIC_CONNECT] = "nic-connect",
	[VSWITCH_CMD_NIC_DISCONNECT] = "nic-disconnect",
	[VSWITCH_CMD_NIC_DEL] = "nic-del",
	[VSWITCH_CMD_NIC_GET] = "nic-get",
	[VSWITCH_CMD_FDB_GET] = "fdb-get",
	[VSWITCH_CMD_FDB_ADD] = "fdb-add",
	[VSWITCH_CMD_FDB_DEL] = "fdb-del",
	[VSWITCH_CMD_FDB_FLUSH] = "fdb-flush",
	[VSWITCH_CMD_EXT_GET] = "ext-get",
	[VSWITCH_CMD_EXT_SET] = "ext-set",
	[VSWITCH_CMD_PROP_NEW] = "prop-new",
	[VSWITCH_CMD_PROP_SET] = "prop-set",
	[VSWITCH_CMD_PROP_DEL] = "prop-del",
	[VSWITCH_CMD_PROP_GET] = "prop-get",
};

static const char *const stats_names[] = {
	[VSWITCH_A_STATS_RX_PACKETS] = "rx-packets",
	[VSWITCH_A_STATS_RX_BYTES] = "rx-bytes",
	[VSWITCH_A_STATS_TX_PACKETS] = "tx-packets",
	[VSWITCH_A_STATS_TX_BYTES] = "tx-bytes",
	[VSWITCH_A_STATS_FLOODED] = "flooded",
	[VSWITCH_A_STATS_DROP_STATE] = "drop-state",
	[VSWITCH_A_STATS_DROP_VLAN] = "drop-vlan",
	[VSWITCH_A_STATS_DROP_NO_DEST] = "drop-no-dest",
	[VSWITCH_A_STATS_DROP_MTU] = "drop-mtu",
	[VSWITCH_A_STATS_DROP_LEARN_LIMIT] = "drop-learn-limit",
	[VSWITCH_A_STATS_DROP_NOMEM] = "drop-nomem",
	[VSWITCH_A_STATS_DROP_MALFORMED] = "drop-malformed",
	[VSWITCH_A_STATS_DROP_MAC_GUARD] = "drop-mac-guard",
	[VSWITCH_A_STATS_DROP_DHCP_GUARD] = "drop-dhcp-guard",
	[VSWITCH_A_STATS_DROP_ROUTER_GUARD] = "drop-router-guard",
	[VSWITCH_A_STATS_DROP_STORM] = "drop-storm",
	[VSWITCH_A_STATS_DROP_EXT] = "drop-ext",
	[VSWITCH_A_STATS_DROP_PVLAN] = "drop-pvlan",
	[VSWITCH_A_STATS_DROP_SRC_MAC] = "drop-src-mac",
	[VSWITCH_A_STATS_DROP_LINK_LOCAL] = "drop-link-local",
};

const struct hv_names hv_switch_types = { switch_types, ARRAY_SIZE(switch_types) };
const struct hv_names hv_port_types = { port_types, ARRAY_SIZE(port_types) };
const struct hv_names hv_nic_types = { nic_types, ARRAY_SIZE(nic_types) };
const struct hv_names hv_port_states = { port_states, ARRAY_SIZE(port_states) };
const struct hv_names hv_nic_states = { nic_states, ARRAY_SIZE(nic_states) };
const struct hv_names hv_vlan_modes = { vlan_modes, ARRAY_SIZE(vlan_modes) };
const struct hv_names hv_on_off = { on_off, ARRAY_SIZE(on_off) };
const struct hv_names hv_pvlan_modes = { pvlan_modes, ARRAY_SIZE(pvlan_modes) };
const struct hv_names hv_mirror_modes = { mirror_modes, ARRAY_SIZE(mirror_modes) };
const struct hv_names hv_ext_classes = { ext_classes, ARRAY_SIZE(ext_classes) };
const struct hv_names hv_ext_reasons = { ext_reasons, ARRAY_SIZE(ext_reasons) };
const struct hv_names hv_ext_actions = { ext_actions, ARRAY_SIZE(ext_actions) };
const struct hv_names hv_vswitch_cmds = { vswitch_cmds, ARRAY_SIZE(vswitch_cmds) };
const struct hv_names hv_stats_names = { stats_names, ARRAY_SIZE(stats_names) };

bool matches(const char *arg, const char *word)
{
	size_t len = strlen(arg);

	return len && len <= strlen(word) && !strncmp(arg, word, len);
}

const char *hv_name(const struct hv_names *t, unsigned int val)
{
	return val < t->count ? t->names[val] : NULL;
}

int hv_lookup(const struct hv_names *t, const char *arg)
{
	int found = HV_NO_MATCH;
	unsigned int i;

	for (i = 0; i < t->count; i++) {
		if (!t->names[i] || !matches(arg, t->names[i]))
			continue;
		if (!strcmp(arg, t->names[i]))
			return i;
		found = found == HV_NO_MATCH ? (int)i : HV_AMBIGUOUS;
	}
	return found;
}

int parse_uint(const char *s, uint32_t max, uint32_t *val)
{
	unsigned long long v;
	char *end;

	if (*s < '0' || *s > '9')
		return -EINVAL;
	errno = 0;
	v = strtoull(s, &end, 10);
	if (*end)
		return -EINVAL;
	if (errno == ERANGE || v > max)
		return -ERANGE;
	*val = v;
	return 0;
}

static int hex_digit(char c)
{
	if (c >= '0' && c <= '9')
		return c - '0';
	if (c >= 'a' && c <= 'f')
		return c - 'a' + 10;
	if (c >= 'A' && c <= 'F')
		return c - 'A' + 10;
	return -1;
}

int parse_mac(const char *s, uint8_t mac[HV_MAC_LEN])
{
	int i, d;

	for (i = 0; i < HV_MAC_LEN; i++) {
		d = hex_digit(*s++);
		if (d < 0)
			return -EINVAL;
		mac[i] = d;
		d = hex_digit(*s);
		if (d >= 0) {
			mac[i] = mac[i] << 4 | d;
			s++;
		}
		if (*s != (i == HV_MAC_LEN - 1 ? '\0' : ':'))
			return -EINVAL;
		s++;
	}
	return 0;
}

void format_mac(const uint8_t mac[HV_MAC_LEN], char buf[HV_MAC_STR_LEN])
{
	snprintf(buf, HV_MAC_STR_LEN, "%02x:%02x:%02x:%02x:%02x:%02x",
		 mac[0], mac[1], mac[2], mac[3], mac[4], mac[5]);
}

static bool vlan_test(const uint8_t *bitmap, unsigned int vid)
{
	return bitmap[vid / 8] & (1u << (vid % 8));
}

static int parse_vid(const char **sp, unsigned long *vid)
{
	char *end;

	if (**sp < '0' || **sp > '9')
		return -EINVAL;
	*vid = strtoul(*sp, &end, 10);
	*sp = end;
	return 0;
}

/* One item of a VLAN list, N or N-M, and the comma after it. */
static int parse_vlan_item(const char **sp, unsigned int *lo, unsigned int *hi)
{
	const char *s = *sp;
	unsigned long a, b;

	if (parse_vid(&s, &a))
		return -EINVAL;
	b = a;
	if (*s == '-') {
		s++;
		if (parse_vid(&s, &b))
			return -EINVAL;
	}
	if (*s == ',') {
		s++;
		if (!*s)
			return -EINVAL;	/* a trailing comma */
	} else if (*s) {
		return -EINVAL;
	}
	if (a < 1 || b > HV_VLAN_MAX || a > b)
		return -ERANGE;
	*lo = a;
	*hi = b;
	*sp = s;
	return 0;
}

int parse_vlan_list(const char *s, uint8_t bitmap[HV_VLAN_BITMAP_LEN])
{
	unsigned int lo, hi, vid;
	int ret;

	memset(bitmap, 0, HV_VLAN_BITMAP_LEN);
	do {
		ret = parse_vlan_item(&s, &lo, &hi);
		if (ret)
			return ret;
		for (vid = lo; vid <= hi; vid++)
			bitmap[vid / 8] |= 1u << (vid % 8);
	} while (*s);
	return 0;
}

void format_vlan_list(const uint8_t bitmap[HV_VLAN_BITMAP_LEN], char *buf,
		      size_t len)
{
	unsigned int vid = 0, end;
	size_t off = 0;
	int n;

	snprintf(buf, len, "none");
	while (vid < HV_VLAN_BITMAP_LEN * 8) {
		if (!vlan_test(bitmap, vid)) {
			vid++;
			continue;
		}
		for (end = vid; end + 1 < HV_VLAN_BITMAP_LEN * 8 &&
		     vlan_test(bitmap, end + 1); end++)
			;
		if (end == vid)
			n = snprintf(buf + off, len - off, "%s%u",
				     off ? "," : "", vid);
		else
			n = snprintf(buf + off, len - off, "%s%u-%u",
				     off ? "," : "", vid, end);
		if (n < 0 || (size_t)n >= len - off)
			return;	/* truncated */
		off += n;
		vid = end + 1;
	}
}

void format_age(uint32_t ms, char *buf, size_t len)
{
	uint64_t tenths = ((uint64_t)ms + 50) / 100;

	snprintf(buf, len, "%llu.%u", (unsigned long long)(tenths / 10),
		 (unsigned int)(tenths % 10));
}

void snake_case(const char *name, char *buf, size_t len)
{
	size_t i;

	if (!len)
		return;
	for (i = 0; name[i] && i + 1 < len; i++)
		buf[i] = name[i] == '-' ? '_' : name[i];
	buf[i] = '\0';
}
