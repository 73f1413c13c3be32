// SPDX-License-Identifier: GPL-2.0
/*
 * Built-in port policies beyond the guards: the storm limit (a token bucket
 * of broadcast and multicast frames per second, at ingress), private VLAN
 * roles (checked between source and destination ports at egress) and port
 * mirroring (mirror destination ports added at the forwarding step). Runs
 * under RCU with bottom halves disabled, except vswitch_storm_set().
 */
#include <linux/ktime.h>

#include "vswitch.h"

/* A second's worth of frames may come at once. */
#define VSWITCH_STORM_BURST_NS	NSEC_PER_SEC

void vswitch_storm_set(struct vswitch_storm *storm, u32 limit)
{
	spin_lock_bh(&storm->lock);
	storm->tokens = (u64)limit * VSWITCH_STORM_BURST_NS;
	storm->last = ktime_get_ns();
	WRITE_ONCE(storm->limit, limit);
	spin_unlock_bh(&storm->lock);
}

/**
 * vswitch_storm_allow() - may one more broadcast or multicast frame pass
 * @storm: the source port's storm limit, set
 *
 * Tokens are kept in nanoseconds times frames: a frame costs a second's
 * worth (NSEC_PER_SEC), and each nanosecond adds @storm->limit.
 * Return: false when the port is over its limit.
 */
bool vswitch_storm_allow(struct vswitch_storm *storm)
{
	u64 now = ktime_get_ns(), cap;
	u32 limit;
	bool ok;

	spin_lock(&storm->lock);
	limit = storm->limit;
	cap = (u64)limit * VSWITCH_STORM_BURST_NS;
	storm->tokens += min_t(u64, now - storm->last, VSWITCH_STORM_BURST_NS) * limit;
	storm->last = now;
	if (storm->tokens > cap)
		storm->tokens = cap;
	ok = storm->tokens >= NSEC_PER_SEC;
	if (ok)
		storm->tokens -= NSEC_PER_SEC;
	spin_unlock(&storm->lock);
	return ok || !limit;
}

/**
 * vswitch_pvlan_allowed() - may a frame go between two ports' private VLAN roles
 * @from: the source port's VLAN settings
 * @to: the destination port's
 *
 * Both are members of the frame's (primary) VLAN. A port that is not in
 * private mode acts as a promiscuous one (an uplink or a host NIC).
 * Return: false when the roles forbid it: isolated ports reach promiscuous
 * ports only, community ports their own community and promiscuous ports.
 */
bool vswitch_pvlan_allowed(const struct vswitch_vlan *from, const struct vswitch_vlan *to)
{
	if (from->mode != VSWITCH_VLAN_MODE_PRIVATE || to->mode != VSWITCH_VLAN_MODE_PRIVATE)
		return true;
	if (from->pvlan == VSWITCH_PVLAN_MODE_PROMISCUOUS ||
	    to->pvlan == VSWITCH_PVLAN_MODE_PROMISCUOUS)
		return true;
	if (from->pvlan == VSWITCH_PVLAN_MODE_COMMUNITY &&
	    to->pvlan == VSWITCH_PVLAN_MODE_COMMUNITY)
		return from->secondary_vid == to->secondary_vid;
	return false;
}

static bool vswitch_mirror_source(const struct vswitch_port *port)
{
	return READ_ONCE(port->mirror) == VSWITCH_MIRROR_MODE_SOURCE;
}

/**
 * vswitch_mirror_add() - add the mirror ports to a packet's destinations
 * @fwd: the packet's forwarding detail, its destinations chosen
 *
 * When the packet comes from or goes to a port in mirror mode source, every
 * connected NIC of a port in mirror mode destination gets a copy, as the
 * packet is in the switch (its VLAN tag kept).
 */
void vswitch_mirror_add(struct vswitch_fwd *fwd)
{
	struct vswitch_nic *nic;
	bool mirrored;
	unsigned int i, n = fwd->ndest;

	mirrored = fwd->src && vswitch_mirror_source(fwd->src);
	for (i = 0; i < n && !mirrored; i++)
		mirrored = !(fwd->dest[i].flags & VSWITCH_DEST_EXCLUDED) &&
			   vswitch_mirror_source(fwd->dest[i].nic->port);
	if (!mirrored)
		return;
	list_for_each_entry_rcu(nic, &fwd->sw->nics, sw_node) {
		if (READ_ONCE(nic->port->mirror) != VSWITCH_MIRROR_MODE_DESTINATION ||
		    nic->port == fwd->src || vswitch_fwd_has(fwd, nic))
			continue;
		/* a copy as the source port saw it: its VLAN and priority */
		if (vswitch_fwd_push(fwd, nic,
				     VSWITCH_DEST_PRESERVE_VLAN | VSWITCH_DEST_PRESERVE_PRIO))
			return;
	}
}
