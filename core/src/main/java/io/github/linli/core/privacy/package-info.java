/**
 * Residents' personal data (个人信息): which values are personal or sensitive ({@link
 * io.github.linli.core.privacy.PersonalDataKind}), how each is shown masked ({@link
 * io.github.linli.core.privacy.Masking}), a protection SPI for the portal's own key management
 * ({@link io.github.linli.core.privacy.Protector}), and a purpose-bound store that records every
 * read and erases a resident's data on request ({@link
 * io.github.linli.core.privacy.PersonalDataStore}).
 *
 * <p>The rest of Linli refers to residents by opaque ids only, so ledgers, tallies, matches and
 * scores stay valid when a resident's personal data is erased. Personal values never appear in
 * {@code toString()}, exception messages or logs; where they must be shown, they are masked.
 */
@LinliStyle
package io.github.linli.core.privacy;

import io.github.linli.core.internal.LinliStyle;
