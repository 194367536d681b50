/**
 * Alliance membership (联盟成员): members and their kinds and lifecycle, service pledges (服务承诺) with fulfilment, and benefit cards (惠民卡).
 */
@LinliStyle
package io.github.linli.core.alliance;

import io.github.linli.core.internal.LinliStyle;
