/* SPDX-License-Identifier: GPL-2.0 */
/* Generic netlink plumbing of the hvnet command (libmnl). */
#ifndef HVNET_NL_H
#define HVNET_NL_H

#include <stdint.h>
#include <libmnl/libmnl.h>

struct hv_nl {
	struct mnl_socket *sock;
	unsigned int portid;
	unsigned int seq;
	char *buf;		/* one receive/request buffer, MNL_SOCKET_BUFFER_SIZE */
	char ext_msg[256];	/* the kernel's extack message of the last error */
};

int nl_open(struct hv_nl *nl);
void nl_close(struct hv_nl *nl);

/* Resolve a generic netlink family: 0, or -ENOENT when not registered. */
int nl_family_id(struct hv_nl *nl, const char *name, uint16_t *id);

/* Start a request in nl->buf. */
struct nlmsghdr *nl_req(struct hv_nl *nl, uint16_t family, uint8_t cmd,
			uint16_t flags);

/*
 * Send a request and read replies until its ACK or the end of its dump,
 * calling @cb for each reply. Returns 0 or a negative errno; on error
 * nl->ext_msg holds the kernel's extack message, if it sent one.
 */
int nl_talk(struct hv_nl *nl, struct nlmsghdr *req, mnl_cb_t cb, void *data);

#endif /* HVNET_NL_H */
