#include <zlib.h>

/* deflateInit2 is a macro that Swift cannot call; this wrapper starts a raw deflate stream
   (no zlib header or trailer, as zip entries store it) with the given level. */
static inline int czlib_deflate_init_raw(z_stream *stream, int level) {
    return deflateInit2(stream, level, Z_DEFLATED, -MAX_WBITS, 8, Z_DEFAULT_STRATEGY);
}
