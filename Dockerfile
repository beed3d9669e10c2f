# shopsim on the official Playwright image: Node, Playwright's Chromium and its system libraries
# are in the image, so nothing is downloaded or apt-installed here. The tag's version must equal
# the playwright package in package-lock.json (test/package/dockerfile.test.ts checks it).
#
#   docker build -t shopsim .
#   docker run --rm --init --ipc=host -v "$PWD/traces:/app/traces" shopsim
#   docker run --rm --init --ipc=host shopsim npx shopsim simulate --site builtin --sessions 2
FROM mcr.microsoft.com/playwright:v1.65.1-noble

# the image's browsers (PLAYWRIGHT_BROWSERS_PATH=/ms-playwright) match the installed playwright
ENV PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD=1 \
    NPM_CONFIG_UPDATE_NOTIFIER=false

WORKDIR /app
RUN chown pwuser:pwuser /app
# pwuser is the image's own non-root user; everything below runs as it
USER pwuser

# dependencies first (a layer kept while only sources change); install scripts are skipped:
# the build needs the sources (copied next), and node-llama-cpp's download is not wanted here
COPY --chown=pwuser:pwuser package.json package-lock.json ./
RUN npm ci --ignore-scripts --no-audit --no-fund

COPY --chown=pwuser:pwuser . .
RUN npm run build

CMD ["npx", "shopsim", "simulate", "--site", "builtin"]
