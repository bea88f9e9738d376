package cn.ola.portal;

import java.time.Instant;
import java.time.ZonedDateTime;

import org.springframework.stereotype.Component;

import cn.ola.workflow.Deadlines;

/** Moments as the company reads them: Beijing time (templates call it as {@code @beijingTime}). */
@Component("beijingTime")
class BeijingTime {

    public ZonedDateTime at(Instant instant) {
        return instant == null ? null : instant.atZone(Deadlines.BEIJING);
    }
}
