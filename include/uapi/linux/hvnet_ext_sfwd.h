/* SPDX-License-Identifier: ((GPL-2.0 WITH Linux-syscall-note) OR BSD-3-Clause) */
/*
 * The static forwarding extension of the hvnet switch (vswitch_sfwd.ko):
 * its table and its mirror port, given as custom properties of one id,
 * HVNET_SFWD_PROP_ID ('sfwd'), version HVNET_SFWD_PROP_VERSION, data in
 * host byte order:
 *
 *   on a port    struct hvnet_sfwd_entry: a MAC address (in a VLAN) that
 *                lives behind that port; one instance per address, any
 *                instance numbers. An address and VLAN is behind one port
 *                of a switch at most.
 *   on the switch (no port), instance 0
 *                struct hvnet_sfwd_mirror: the port that gets a copy of
 *                every packet the table forwards.
 */
#ifndef _UAPI_LINUX_HVNET_EXT_SFWD_H
#define _UAPI_LINUX_HVNET_EXT_SFWD_H

#include <linux/types.h>

#define HVNET_SFWD_EXT_NAME		"sfwd"

#define HVNET_SFWD_PROP_ID		0x73667764	/* 's' 'f' 'w' 'd' */
#define HVNET_SFWD_PROP_VERSION		1

/* Entries a switch's table holds at most */
#define HVNET_SFWD_MAX_ENTRIES		4096

/**
 * struct hvnet_sfwd_entry - a port's property: an address behind the port
 * @mac: the unicast MAC address
 * @vlan: its VLAN in the switch (0: the untagged network), 0-4094
 */
struct hvnet_sfwd_entry {
	__u8 mac[6];
	__u16 vlan;
} __attribute__((packed));

/**
 * struct hvnet_sfwd_mirror - the switch's property: where copies go
 * @port: the id of the port that gets a copy of every packet the table
 *	forwards (not of those that came from it)
 * @reserved: 0
 */
struct hvnet_sfwd_mirror {
	__u16 port;
	__u16 reserved;
} __attribute__((packed));

#endif /* _UAPI_LINUX_HVNET_EXT_SFWD_H */
