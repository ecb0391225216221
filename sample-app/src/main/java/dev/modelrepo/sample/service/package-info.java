/** The sample's transactional services: writes with validation, transfers under row locks, the CSV export. */
@NullMarked
package dev.modelrepo.sample.service;

import org.jspecify.annotations.NullMarked;
