package org.msp.portal.web;

import jakarta.enterprise.util.Nonbinding;
import jakarta.interceptor.InterceptorBinding;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Names the part of the platform a REST client talks to, so that when it does not answer (or answers
 * 503) the visitor is told which part is unavailable rather than shown an error ({@link PartUnavailable}).
 */
@InterceptorBinding
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.TYPE, ElementType.METHOD})
public @interface PartOfPlatform {
    @Nonbinding
    String value() default "";
}
