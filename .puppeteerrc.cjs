// Browser downloads are not possible on CI machines; the system Chromium is used instead.
module.exports = { skipDownload: true };
