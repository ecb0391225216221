/** SQL dialects: every difference between the supported databases lives in these classes. */
@NullMarked
package dev.modelrepo.dialect;

import org.jspecify.annotations.NullMarked;
