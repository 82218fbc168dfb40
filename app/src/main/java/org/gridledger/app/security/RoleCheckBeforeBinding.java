package org.gridledger.app.security;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.aopalliance.intercept.MethodInvocation;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.authorization.AuthorizationResult;
import org.springframework.security.authorization.method.PreAuthorizeAuthorizationManager;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Component;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.HandlerInterceptor;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

import java.lang.reflect.AccessibleObject;
import java.lang.reflect.Method;

/**
 * Checks an endpoint's {@code @PreAuthorize} roles before Spring MVC reads and validates the request body, so that a
 * caller without the role learns nothing from a body it should not send: it gets 403, not a 400 naming the body's
 * faults. Method security on the controller still checks the same expression afterwards (it is what guards calls
 * from elsewhere). The expressions are role checks only; they see no arguments here, which are not read yet.
 */
@Component
class RoleCheckBeforeBinding implements HandlerInterceptor, WebMvcConfigurer {

    private final PreAuthorizeAuthorizationManager preAuthorize = new PreAuthorizeAuthorizationManager();

    @Override
    public void addInterceptors(InterceptorRegistry registry) {
        registry.addInterceptor(this).addPathPatterns("/api/**");
    }

    @Override
    public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler) {
        if (handler instanceof HandlerMethod method) {
            AuthorizationResult result = preAuthorize.authorize(
                    () -> SecurityContextHolder.getContext().getAuthentication(), new Unbound(method));
            if (result != null && !result.isGranted()) {
                throw new AccessDeniedException("Access Denied");
            }
        }
        return true;
    }

    /** The handler method as an invocation whose arguments are not bound yet. */
    private record Unbound(HandlerMethod handler) implements MethodInvocation {

        @Override
        public Method getMethod() {
            return handler.getMethod();
        }

        @Override
        public Object[] getArguments() {
            return new Object[handler.getMethod().getParameterCount()];
        }

        @Override
        public Object proceed() {
            throw new UnsupportedOperationException("the handler is invoked by Spring MVC");
        }

        @Override
        public Object getThis() {
            return handler.getBean();
        }

        @Override
        public AccessibleObject getStaticPart() {
            return handler.getMethod();
        }
    }
}
