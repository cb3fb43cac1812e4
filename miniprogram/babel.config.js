// babel-preset-taro for the Taro build (jest uses babel.jest.config.js).
module.exports = {
  presets: [['taro', { framework: 'react', ts: true, compiler: 'webpack5' }]],
};
