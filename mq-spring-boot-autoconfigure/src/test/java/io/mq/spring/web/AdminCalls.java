package io.mq.spring.web;

import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.asyncDispatch;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.ResultActions;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

/** Calls to the admin API through MockMvc, completing asynchronous requests. */
final class AdminCalls {

    private AdminCalls() {
    }

    /** Performs {@code request} and, when the controller answered with a future, the async dispatch. */
    static ResultActions call(MockMvc mvc, MockHttpServletRequestBuilder request) throws Exception {
        ResultActions actions = mvc.perform(request);
        MvcResult result = actions.andReturn();
        if (result.getRequest().isAsyncStarted()) {
            return mvc.perform(asyncDispatch(result));
        }
        return actions;
    }

    /** {@code request} with a JSON body. */
    static MockHttpServletRequestBuilder json(MockHttpServletRequestBuilder request, String body) {
        return request.contentType(MediaType.APPLICATION_JSON).content(body);
    }

    /** Asserts an RFC 9457 problem response with {@code status} and {@code title}. */
    static ResultActions expectProblem(ResultActions actions, int status, String title) throws Exception {
        return actions.andExpect(status().is(status))
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.status").value(status))
                .andExpect(jsonPath("$.title").value(title))
                .andExpect(jsonPath("$.detail").isNotEmpty());
    }
}
