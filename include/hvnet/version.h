/* SPDX-License-Identifier: GPL-2.0 */
/* The suite's version, reported by every module's info-get and by `hvnet -V`. */
#ifndef _HVNET_VERSION_H
#define _HVNET_VERSION_H

#define HVNET_VERSION "0.1.0"

#endif /* _HVNET_VERSION_H */
