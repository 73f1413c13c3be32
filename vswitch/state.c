// SPDX-License-Identifier: GPL-2.0
/*
 * The port and NIC state machines of Hyper-V's extensible switch:
 *
 *   port: CREATED -> TEARDOWN -> DELETED
 *   NIC:  CREATED -> CONNECTED <-> DISCONNECTED; CREATED|DISCONNECTED -> DELETED
 *
 * Port references are legal from CREATED to TEARDOWN; NIC references (and
 * traffic) only while CONNECTED.
 */
#include "vswitch.h"

bool vswitch_port_state_allowed(enum vswitch_port_state from,
				enum vswitch_port_state to)
{
	switch (to) {
	case VSWITCH_PORT_STATE_CREATED:
		return from == VSWITCH_PORT_STATE_UNKNOWN;
	case VSWITCH_PORT_STATE_TEARDOWN:
		return from == VSWITCH_PORT_STATE_CREATED;
	case VSWITCH_PORT_STATE_DELETED:
		return from == VSWITCH_PORT_STATE_TEARDOWN;
	default:
		return false;
	}
}

bool vswitch_nic_state_allowed(enum vswitch_nic_state from,
			       enum vswitch_nic_state to)
{
	switch (to) {
	case VSWITCH_NIC_STATE_CREATED:
		return from == VSWITCH_NIC_STATE_UNKNOWN;
	case VSWITCH_NIC_STATE_CONNECTED:
		return from == VSWITCH_NIC_STATE_CREATED ||
		       from == VSWITCH_NIC_STATE_DISCONNECTED;
	case VSWITCH_NIC_STATE_DISCONNECTED:
		return from == VSWITCH_NIC_STATE_CONNECTED;
	case VSWITCH_NIC_STATE_DELETED:
		return from == VSWITCH_NIC_STATE_CREATED ||
		       from == VSWITCH_NIC_STATE_DISCONNECTED;
	default:
		return false;
	}
}

const char *vswitch_port_state_name(enum vswitch_port_state s)
{
	static const char * const names[] = {
		[VSWITCH_PORT_STATE_UNKNOWN] = "unknown",
		[VSWITCH_PORT_STATE_CREATED] = "created",
		[VSWITCH_PORT_STATE_TEARDOWN] = "teardown",
		[VSWITCH_PORT_STATE_DELETED] = "deleted",
	};

	return (unsigned int)s < ARRAY_SIZE(names) ? names[s] : "invalid";
}

const char *vswitch_nic_state_name(enum vswitch_nic_state s)
{
	static const char * const names[] = {
		[VSWITCH_NIC_STATE_UNKNOWN] = "unknown",
		[VSWITCH_NIC_STATE_CREATED] = "created",
		[VSWITCH_NIC_STATE_CONNECTED] = "connected",
		[VSWITCH_NIC_STATE_DISCONNECTED] = "disconnected",
		[VSWITCH_NIC_STATE_DELETED] = "deleted",
	};

	return (unsigned int)s < ARRAY_SIZE(names) ? names[s] : "invalid";
}
