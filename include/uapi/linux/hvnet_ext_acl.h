/* SPDX-License-Identifier: ((GPL-2.0 WITH Linux-syscall-note) OR BSD-3-Clause) */
/*
 * The acl extension's custom port properties (vswitch_acl.ko): Hyper-V's
 * port ACLs and extended port ACLs, one rule per property instance.
 *
 *   id HVNET_ACL_PROP_ID  ('acl ')  data struct hvnet_acl_rule
 *   id HVNET_XACL_PROP_ID ('xacl')  data struct hvnet_xacl_rule
 *
 * The property's version must be HVNET_ACL_VERSION and its length the size
 * of the structure. Multi-byte integers are in the host's byte order (a
 * property never leaves the machine); addresses are in network order, as
 * on the wire. Reserved bytes must be zero. Directions are the VM's: "in"
 * is traffic to the port (the port is a destination), "out" is traffic
 * from the port (the port is the source). The local address is the port's
 * side of the packet, the remote address the other side.
 */
#ifndef _UAPI_LINUX_HVNET_EXT_ACL_H
#define _UAPI_LINUX_HVNET_EXT_ACL_H

#include <linux/types.h>

#define HVNET_ACL_PROP_ID	0x61636c20	/* 'a' 'c' 'l' ' ' */
#define HVNET_XACL_PROP_ID	0x7861636c	/* 'x' 'a' 'c' 'l' */
#define HVNET_ACL_VERSION	1

/* Directions (Hyper-V's values; both = a rule for each) */
enum hvnet_acl_dir {
	HVNET_ACL_DIR_IN = 1,
	HVNET_ACL_DIR_OUT = 2,
	HVNET_ACL_DIR_BOTH = 3,		/* port ACLs only */
};

/* Address types of a port ACL (Hyper-V's AclType) */
enum hvnet_acl_type {
	HVNET_ACL_TYPE_MAC = 1,
	HVNET_ACL_TYPE_IPV4 = 2,
	HVNET_ACL_TYPE_IPV6 = 3,
};

/* Which side of the packet a port ACL's address is (Hyper-V's Applicability) */
enum hvnet_acl_side {
	HVNET_ACL_SIDE_LOCAL = 1,
	HVNET_ACL_SIDE_REMOTE = 2,
};

enum hvnet_acl_action {
	HVNET_ACL_ACTION_ALLOW = 1,
	HVNET_ACL_ACTION_DENY = 2,
	HVNET_ACL_ACTION_METER = 3,	/* port ACLs only: count, do not decide */
};

/**
 * struct hvnet_acl_rule - a port ACL (Add-VMNetworkAdapterAcl)
 * @direction: enum hvnet_acl_dir
 * @type: enum hvnet_acl_type
 * @side: enum hvnet_acl_side
 * @action: enum hvnet_acl_action
 * @prefix_len: bits of @addr that must match: 0-48 for a MAC address (48:
 *	the address, 0: any), 0-32 for IPv4, 0-128 for IPv6. Bits of @addr
 *	beyond it must be zero.
 * @reserved: zero
 * @addr: the address: a MAC in bytes 0-5, IPv4 in bytes 0-3; the rest zero
 */
struct hvnet_acl_rule {
	__u8 direction;
	__u8 type;
	__u8 side;
	__u8 action;
	__u8 prefix_len;
	__u8 reserved[3];
	__u8 addr[16];
} __attribute__((packed));

/* Address families of an extended ACL's prefixes */
#define HVNET_XACL_FAMILY_ANY	0	/* no address given: every IP packet */
#define HVNET_XACL_FAMILY_IPV4	4
#define HVNET_XACL_FAMILY_IPV6	6

/* The rule allows a session both ways (action allow only). */
#define HVNET_XACL_F_STATEFUL	0x01

/* Idle timeout of a stateful rule's sessions when the rule gives none, s */
#define HVNET_XACL_DEFAULT_TIMEOUT	255

/**
 * struct hvnet_xacl_rule - an extended port ACL (Add-VMNetworkAdapterExtendedAcl)
 * @direction: HVNET_ACL_DIR_IN or HVNET_ACL_DIR_OUT
 * @action: HVNET_ACL_ACTION_ALLOW or HVNET_ACL_ACTION_DENY
 * @protocol: IP protocol number; 0: any
 * @flags: HVNET_XACL_F_*
 * @weight: order of evaluation: the highest weight that matches decides.
 *	Unique among a port's rules of one direction.
 * @idle_timeout: seconds a stateful rule's session lives without traffic
 *	(stateful only; 0: HVNET_XACL_DEFAULT_TIMEOUT)
 * @family: HVNET_XACL_FAMILY_*: the family of both prefixes
 * @local_prefix_len: bits of @local_addr that must match (0: any address
 *	of @family)
 * @remote_prefix_len: the same for @remote_addr
 * @reserved: zero
 * @local_port_min: the local port range (TCP, UDP and SCTP only);
 *	0-0: any port
 * @local_port_max: its end, >= @local_port_min
 * @remote_port_min: the remote port range; 0-0: any
 * @remote_port_max: its end
 * @local_addr: the local prefix (IPv4 in bytes 0-3); bits beyond the
 *	prefix zero
 * @remote_addr: the remote prefix
 */
struct hvnet_xacl_rule {
	__u8 direction;
	__u8 action;
	__u8 protocol;
	__u8 flags;
	__u16 weight;
	__u16 idle_timeout;
	__u8 family;
	__u8 local_prefix_len;
	__u8 remote_prefix_len;
	__u8 reserved;
	__u16 local_port_min;
	__u16 local_port_max;
	__u16 remote_port_min;
	__u16 remote_port_max;
	__u8 local_addr[16];
	__u8 remote_addr[16];
} __attribute__((packed));

#endif /* _UAPI_LINUX_HVNET_EXT_ACL_H */
