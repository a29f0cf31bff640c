/* ASan settings of the protocol harnesses (linked into each).
 *
 * libtirpc allocates an array or string as large as the count a message
 * claims (up to 4 GB) before it decodes a byte of it: the memory is
 * never touched, so a real host either reserves the address space or
 * refuses it, and the decoder then fails on the missing data.  ASan would
 * instead write the allocation's shadow (half a gigabyte), and slowly.
 * So allocations above 32 MiB fail, as a host with strict overcommit
 * would fail them: nothing legitimate needs more for a fuzz input of a
 * few kilobytes (the largest buffer is one message, 4 MiB; libFuzzer
 * itself takes 20 MiB at once), and code that does not handle the
 * failure still crashes. */

#include <config.h>

const char *__asan_default_options (void);

const char *
__asan_default_options (void)
{
  return "max_allocation_size_mb=32:allocator_may_return_null=1";
}
