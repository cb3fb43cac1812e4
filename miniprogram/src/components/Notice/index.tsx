// A message box for the whole page: an error with a retry, or plain information.
import { Button, Text, View } from '@tarojs/components';
import { a11yRole } from '../a11y';
import './index.scss';

export function Notice({ kind = 'error', message, actionText, onAction }: { kind?: 'error' | 'info'; message: string; actionText?: string; onAction?: () => void }) {
  return (
    <View className={`notice notice--${kind}`} {...a11yRole(kind === 'error' ? 'alert' : 'status')}>
      <Text className="notice__text">{message}</Text>
      {actionText && onAction ? (
        <Button className="notice__action" onClick={onAction}>
          {actionText}
        </Button>
      ) : null}
    </View>
  );
}
