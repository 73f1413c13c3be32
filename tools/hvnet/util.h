/* SPDX-License-Identifier: GPL-2.0 */
/*
 * Pure helpers of the hvnet command: keyword matching, the names of the
 * vswitch family's enums, and parsing and printing of numbers, MAC
 * addresses and VLAN lists. No netlink here (test_util.c tests it alone).
 */
#ifndef HVNET_UTIL_H
#define HVNET_UTIL_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#ifndef ARRAY_SIZE
#define ARRAY_SIZE(a) (sizeof(a) / sizeof((a)[0]))
#endif

#define HV_MAC_LEN		6
#define HV_MAC_STR_LEN		18	/* "xx:xx:xx:xx:xx:xx" and its NUL */
#define HV_VLAN_MAX		4094
#define HV_VLAN_BITMAP_LEN	512	/* 4096 bits */
#define HV_VLAN_LIST_LEN	10240	/* the longest list: every other VLAN */
#define HV_AGE_STR_LEN		16

/* A table of names indexed by value; NULL entries have no name. */
struct hv_names {
	const char *const *names;
	unsigned int count;
};

/* hv_lookup() results that are not an index */
#define HV_NO_MATCH	(-1)
#define HV_AMBIGUOUS	(-2)

/* The enums, commands and counters of the vswitch family, by value. */
extern const struct hv_names hv_switch_types;
extern const struct hv_names hv_port_types;
extern const struct hv_names hv_nic_types;
extern const struct hv_names hv_port_states;
extern const struct hv_names hv_nic_states;
extern const struct hv_names hv_vlan_modes;
extern const struct hv_names hv_on_off;	/* 0 off, 1 on */
extern const struct hv_names hv_pvlan_modes;
extern const struct hv_names hv_mirror_modes;
extern const struct hv_names hv_ext_classes;
extern const struct hv_names hv_ext_reasons;
extern const struct hv_names hv_ext_actions;
extern const struct hv_names hv_vswitch_cmds;
extern const struct hv_names hv_stats_names;

/* @arg is a non-empty prefix of @word (iproute2's matches()). */
bool matches(const char *arg, const char *word);

/* The name of @val, or NULL. */
const char *hv_name(const struct hv_names *t, unsigned int val);

/*
 * The value whose name @arg is, or abbreviates unambiguously (an exact
 * name always wins); HV_NO_MATCH or HV_AMBIGUOUS otherwise.
 */
int hv_lookup(const struct hv_names *t, const char *arg);

/* A decimal number in 0..@max: 0, or -EINVAL (not a number), -ERANGE. */
int parse_uint(const char *s, uint32_t max, uint32_t *val);

/* xx:xx:xx:xx:xx:xx (one or two hex digits each): 0 or -EINVAL. */
int parse_mac(const char *s, uint8_t mac[HV_MAC_LEN]);
void format_mac(const uint8_t mac[HV_MAC_LEN], char buf[HV_MAC_STR_LEN]);

/*
 * A VLAN list such as 10,20,30-40 into a trunk-vlans bitmap (bit n in byte
 * n / 8, bit n % 8): 0, -EINVAL (syntax) or -ERANGE (a VLAN not in 1..4094,
 * or a range running backwards).
 */
int parse_vlan_list(const char *s, uint8_t bitmap[HV_VLAN_BITMAP_LEN]);

/* A bitmap back into a list of ranges ("none" when empty). */
void format_vlan_list(const uint8_t bitmap[HV_VLAN_BITMAP_LEN], char *buf,
		      size_t len);

/* Milliseconds as seconds with one decimal, rounded: 1250 -> "1.3". */
void format_age(uint32_t ms, char *buf, size_t len);

/* A name of the family (learn-limit) as a JSON key (learn_limit). */
void snake_case(const char *name, char *buf, size_t len);

#endif /* HVNET_UTIL_H */
