/* SPDX-License-Identifier: GPL-2.0 WITH Linux-syscall-note */
/*
 * The "bpf" extension of the hvnet switch: BPF_PROG_TYPE_SCHED_CLS programs
 * run per port and direction (Documentation/extensions/bpf.md).
 *
 * A program is attached by a custom port property of id HVNET_EXT_BPF_PROP_ID,
 * version HVNET_EXT_BPF_PROP_VERSION, whose data is struct hvnet_ext_bpf_prop
 * in host byte order. A port has at most one program per direction.
 */
#ifndef _UAPI_LINUX_HVNET_EXT_BPF_H
#define _UAPI_LINUX_HVNET_EXT_BPF_H

#include <linux/types.h>

#define HVNET_EXT_BPF_NAME		"bpf"

/* 'b' 'p' 'f' ' ', as VSWITCH_EXT_PROP_ID() makes it */
#define HVNET_EXT_BPF_PROP_ID		0x62706620
#define HVNET_EXT_BPF_PROP_VERSION	1

enum hvnet_ext_bpf_dir {
	/* to the port: the port as a packet's destination */
	HVNET_EXT_BPF_DIR_IN = 0,
	/* from the port: packets the port sends into the switch */
	HVNET_EXT_BPF_DIR_OUT = 1,
};

#define HVNET_EXT_BPF_TAG_SIZE		8	/* BPF_TAG_SIZE */
#define HVNET_EXT_BPF_NAME_LEN		16	/* BPF_OBJ_NAME_LEN */

/**
 * struct hvnet_ext_bpf_prop - a program attached to a port, one direction
 * @dir: enum hvnet_ext_bpf_dir
 * @reserved: zero
 * @fd: the program's file descriptor in the process that sends the
 *	property, at the time it sends it (meaningless afterwards)
 * @prog_id: the program's id: the extension refuses the property unless
 *	@fd is the program with this id, so that the stored property names
 *	the program it attached
 * @tag: the program's tag; checked the same way, unless all zero
 * @name: the program's name (NUL-padded); checked the same way, unless
 *	empty
 */
struct hvnet_ext_bpf_prop {
	__u8 dir;
	__u8 reserved[3];
	__s32 fd;
	__u32 prog_id;
	__u8 tag[HVNET_EXT_BPF_TAG_SIZE];
	char name[HVNET_EXT_BPF_NAME_LEN];
};

#endif /* _UAPI_LINUX_HVNET_EXT_BPF_H */
