/* guestkit appliance init: networking (init-network.c). */

#ifndef GUESTKIT_INIT_NETWORK_H_
#define GUESTKIT_INIT_NETWORK_H_

#include <stdbool.h>

/* Load the virtio-net driver and configure the card for qemu's
 * user-mode network.  Problems are printed as warnings. */
extern void setup_network (bool verbose);

#endif
