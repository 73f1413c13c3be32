// SPDX-License-Identifier: GPL-2.0
/* Unit tests of the hvnet command's pure helpers (util.c); TAP output. */
#include <errno.h>
#include <stdio.h>
#include <string.h>
#include <linux/hvnet_vswitch.h>

#include "util.h"

static int tests, failures;

static void ok(bool cond, const char *what)
{
	tests++;
	if (!cond)
		failures++;
	printf("%s %d - %s\n", cond ? "ok" : "not ok", tests, what);
}

static bool vlan_set(const uint8_t *bitmap, unsigned int vid)
{
	return bitmap[vid / 8] & (1u << (vid % 8));
}

static unsigned int vlan_count(const uint8_t *bitmap)
{
	unsigned int vid, n = 0;

	for (vid = 0; vid < HV_VLAN_BITMAP_LEN * 8; vid++)
		n += vlan_set(bitmap, vid);
	return n;
}

/* @in parses, and prints back as @out */
static void vlan_round_trip(const char *in, const char *out)
{
	uint8_t bitmap[HV_VLAN_BITMAP_LEN];
	char buf[HV_VLAN_LIST_LEN], what[128];
	int ret;

	ret = parse_vlan_list(in, bitmap);
	format_vlan_list(bitmap, buf, sizeof(buf));
	snprintf(what, sizeof(what), "vlan list \"%.24s\" -> \"%.24s\" (got \"%.24s\")",
		 in, out, ret ? "error" : buf);
	ok(!ret && !strcmp(buf, out), what);
}

static void vlan_bad(const char *in, int err)
{
	uint8_t bitmap[HV_VLAN_BITMAP_LEN];
	char what[128];
	int ret = parse_vlan_list(in, bitmap);

	snprintf(what, sizeof(what), "vlan list \"%s\" is refused with %d (got %d)",
		 in, err, ret);
	ok(ret == err, what);
}

static void test_vlan(void)
{
	uint8_t bitmap[HV_VLAN_BITMAP_LEN], again[HV_VLAN_BITMAP_LEN];
	char buf[HV_VLAN_LIST_LEN];
	unsigned int vid;

	vlan_round_trip("10", "10");
	vlan_round_trip("10,20,30-40", "10,20,30-40");
	vlan_round_trip("30-40,10,20", "10,20,30-40");
	vlan_round_trip("1-4094", "1-4094");
	vlan_round_trip("5,6,7,9", "5-7,9");
	vlan_round_trip("1,4094", "1,4094");
	vlan_round_trip("7-7", "7");
	vlan_round_trip("10-20,15-25", "10-25");
	vlan_round_trip("0010", "10");

	vlan_bad("", -EINVAL);
	vlan_bad(",", -EINVAL);
	vlan_bad("10,", -EINVAL);
	vlan_bad(",10", -EINVAL);
	vlan_bad("10,,20", -EINVAL);
	vlan_bad("10-", -EINVAL);
	vlan_bad("-10", -EINVAL);
	vlan_bad("10-20-30", -EINVAL);
	vlan_bad("ten", -EINVAL);
	vlan_bad("10 ", -EINVAL);
	vlan_bad("+10", -EINVAL);
	vlan_bad("0", -ERANGE);
	vlan_bad("4095", -ERANGE);
	vlan_bad("1-4095", -ERANGE);
	vlan_bad("20-10", -ERANGE);
	vlan_bad("99999999999999999999999", -ERANGE);

	/* the bit layout of trunk-vlans: bit n = byte n / 8, bit n % 8 */
	parse_vlan_list("1,8,4094", bitmap);
	ok(bitmap[0] == 0x02 && bitmap[1] == 0x01 && bitmap[511] == 0x40 &&
	   vlan_count(bitmap) == 3, "vlan bitmap layout");
	parse_vlan_list("1-4094", bitmap);
	ok(vlan_count(bitmap) == 4094 && !vlan_set(bitmap, 0) &&
	   !vlan_set(bitmap, 4095), "vlan bitmap of 1-4094");

	/* the longest list fits and survives a round trip */
	memset(bitmap, 0, sizeof(bitmap));
	for (vid = 1; vid <= HV_VLAN_MAX; vid += 2)
		bitmap[vid / 8] |= 1u << (vid % 8);
	format_vlan_list(bitmap, buf, sizeof(buf));
	ok(strlen(buf) < sizeof(buf) - 1 && !parse_vlan_list(buf, again) &&
	   !memcmp(bitmap, again, sizeof(bitmap)), "every other vlan round trip");

	memset(bitmap, 0, sizeof(bitmap));
	format_vlan_list(bitmap, buf, sizeof(buf));
	ok(!strcmp(buf, "none"), "empty vlan list prints as none");
	format_vlan_list(bitmap, buf, 3);
	ok(strlen(buf) < 3, "vlan list stays in a short buffer");
}

static void test_mac(void)
{
	static const uint8_t want[HV_MAC_LEN] = { 0x02, 0x00, 0x5e, 0x0a, 0xbc, 0xff };
	uint8_t mac[HV_MAC_LEN];
	char buf[HV_MAC_STR_LEN];

	ok(!parse_mac("02:00:5e:0a:bc:ff", mac) && !memcmp(mac, want, 6),
	   "mac parses");
	ok(!parse_mac("2:0:5E:A:BC:FF", mac) && !memcmp(mac, want, 6),
	   "mac with short and capital digits parses");
	format_mac(want, buf);
	ok(!strcmp(buf, "02:00:5e:0a:bc:ff"), "mac prints");
	ok(parse_mac("02:00:5e:0a:bc", mac) == -EINVAL, "short mac is refused");
	ok(parse_mac("02:00:5e:0a:bc:ff:00", mac) == -EINVAL, "long mac is refused");
	ok(parse_mac("02:00:5e:0a:bc:fff", mac) == -EINVAL, "3-digit byte is refused");
	ok(parse_mac("02-00-5e-0a-bc-ff", mac) == -EINVAL, "dashes are refused");
	ok(parse_mac("02:00:5e:0a:bc:", mac) == -EINVAL, "empty byte is refused");
	ok(parse_mac("0g:00:5e:0a:bc:ff", mac) == -EINVAL, "non-hex is refused");
	ok(parse_mac("", mac) == -EINVAL, "empty mac is refused");
}

static void test_numbers(void)
{
	uint32_t v = 7;

	ok(!parse_uint("0", 10, &v) && v == 0, "0 parses");
	ok(!parse_uint("4294967295", UINT32_MAX, &v) && v == UINT32_MAX,
	   "u32 max parses");
	ok(parse_uint("4294967296", UINT32_MAX, &v) == -ERANGE, "u32 max + 1 is out of range");
	ok(parse_uint("99999999999999999999999", UINT32_MAX, &v) == -ERANGE,
	   "a huge number is out of range");
	ok(parse_uint("33", 32, &v) == -ERANGE, "above max is out of range");
	ok(parse_uint("-1", 32, &v) == -EINVAL, "negative is refused");
	ok(parse_uint("", 32, &v) == -EINVAL, "empty is refused");
	ok(parse_uint("12x", 32, &v) == -EINVAL, "trailing junk is refused");
	ok(parse_uint(" 1", 32, &v) == -EINVAL, "leading space is refused");
	ok(parse_uint("0x10", 32, &v) == -EINVAL, "hex is refused");
}

static void test_names(void)
{
	static const char *const words[] = { "show", "add", "delete", "disconnect", "del" };
	struct hv_names t = { words, ARRAY_SIZE(words) };
	char buf[32], age[HV_AGE_STR_LEN];

	ok(hv_lookup(&t, "show") == 0, "exact keyword");
	ok(hv_lookup(&t, "sh") == 0, "abbreviated keyword");
	ok(hv_lookup(&t, "d") == HV_AMBIGUOUS, "ambiguous abbreviation");
	ok(hv_lookup(&t, "del") == 4, "an exact name beats an abbreviation");
	ok(hv_lookup(&t, "dis") == 3, "unique abbreviation");
	ok(hv_lookup(&t, "showx") == HV_NO_MATCH, "longer than the keyword");
	ok(hv_lookup(&t, "") == HV_NO_MATCH, "empty word");
	ok(hv_lookup(&hv_vlan_modes, "t") == VSWITCH_VLAN_MODE_TRUNK,
	   "vlan mode table keeps its values");
	ok(!strcmp(hv_name(&hv_switch_types, VSWITCH_SWITCH_TYPE_EXTERNAL), "external") &&
	   !strcmp(hv_name(&hv_port_types, VSWITCH_PORT_TYPE_EMULATED), "emulated") &&
	   !strcmp(hv_name(&hv_nic_types, VSWITCH_NIC_TYPE_EMULATED), "emulated") &&
	   !strcmp(hv_name(&hv_nic_states, VSWITCH_NIC_STATE_CONNECTED), "connected") &&
	   !strcmp(hv_name(&hv_port_states, VSWITCH_PORT_STATE_TEARDOWN), "teardown"),
	   "enum names follow the uapi values");
	ok(!hv_name(&hv_vlan_modes, 0) && !hv_name(&hv_nic_states, 99),
	   "values without a name");
	ok(hv_vswitch_cmds.count == VSWITCH_CMD_MAX + 1 &&
	   !strcmp(hv_name(&hv_vswitch_cmds, VSWITCH_CMD_NIC_CONNECT), "nic-connect"),
	   "every command has a name");
	ok(hv_stats_names.count == VSWITCH_A_STATS_MAX + 1 &&
	   !hv_name(&hv_stats_names, VSWITCH_A_STATS_PAD),
	   "every counter has a name, pad none");
	snake_case("drop-learn-limit", buf, sizeof(buf));
	ok(!strcmp(buf, "drop_learn_limit"), "snake_case");
	snake_case("drop-learn-limit", buf, 5);
	ok(!strcmp(buf, "drop"), "snake_case truncates");

	format_age(0, age, sizeof(age));
	ok(!strcmp(age, "0.0"), "age 0");
	format_age(1250, age, sizeof(age));
	ok(!strcmp(age, "1.3"), "age rounds to a tenth");
	format_age(299949, age, sizeof(age));
	ok(!strcmp(age, "299.9"), "age 299.949 s");
	format_age(UINT32_MAX, age, sizeof(age));
	ok(!strcmp(age, "4294967.3"), "age u32 max");
}

int main(void)
{
	test_vlan();
	test_mac();
	test_numbers();
	test_names();
	printf("1..%d\n", tests);
	if (failures)
		fprintf(stderr, "test_util: %d of %d failed\n", failures, tests);
	return failures ? 1 : 0;
}
