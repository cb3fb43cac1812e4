// Component tests: Taro's H5 components under jsdom (see ../shared stack notes: @tarojs/test-utils-react
// does not work with Taro 4 + jest 30, so @tarojs/components maps to its React build).
const path = require('node:path');

module.exports = {
  transform: { '^.+\\.m?[jt]sx?$': ['babel-jest', { configFile: path.join(__dirname, 'babel.jest.config.js') }] },
  transformIgnorePatterns: ['/node_modules/(?!(@tarojs|@stencil|tslib|swiper|ssr-window|dom7|zod|\\.pnpm)/)'],
  moduleNameMapper: {
    '^@tarojs/components$': '@tarojs/components/lib/react',
    '^@tarojs/taro$': '<rootDir>/test/taroMock.ts',
    '\\.(css|scss|sass)$': '<rootDir>/test/styleMock.js',
  },
  setupFiles: ['<rootDir>/test/setup.js'],
};
