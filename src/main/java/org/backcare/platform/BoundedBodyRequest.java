package org.backcare.platform;

import java.io.IOException;

import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;

/**
 * A request whose body stops being readable after a fixed number of bytes (for chunked
 * uploads).
 */
class BoundedBodyRequest extends HttpServletRequestWrapper {

	private final long maxBytes;

	BoundedBodyRequest(HttpServletRequest request, long maxBytes) {
		super(request);
		this.maxBytes = maxBytes;
	}

	@Override
	public ServletInputStream getInputStream() throws IOException {
		ServletInputStream body = super.getInputStream();
		return new ServletInputStream() {

			private long read;

			@Override
			public int read() throws IOException {
				int b = body.read();
				if (b >= 0) {
					count(1);
				}
				return b;
			}

			@Override
			public int read(byte[] buffer, int offset, int length) throws IOException {
				int n = body.read(buffer, offset, length);
				if (n > 0) {
					count(n);
				}
				return n;
			}

			private void count(int n) throws IOException {
				this.read += n;
				if (this.read > BoundedBodyRequest.this.maxBytes) {
					throw new BodyTooLarge(BoundedBodyRequest.this.maxBytes);
				}
			}

			@Override
			public boolean isFinished() {
				return body.isFinished();
			}

			@Override
			public boolean isReady() {
				return body.isReady();
			}

			@Override
			public void setReadListener(ReadListener listener) {
				body.setReadListener(listener);
			}

		};
	}

}
